import kafkajs from "kafkajs";
import { afterAll, describe, expect, inject, it } from "vitest";
import { disconnectCluster } from "../../../src/server/kafka/client-registry";
import { runSimulator } from "./simulator";

const brokers = inject("kafkaBrokers");
const kafka = new kafkajs.Kafka({ brokers: brokers.split(","), logLevel: kafkajs.logLevel.NOTHING });
const topic = `sim-${Date.now().toString(36)}`;
const target = { id: "simulator-test", bootstrapServers: brokers };

afterAll(async () => {
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
  await disconnectCluster(target.id);
});

describe("demo data simulator", () => {
  it("creates its topic and produces keyed readings, each stream in one partition", async () => {
    const controller = new AbortController();
    let onReady = () => {};
    const ready = new Promise<void>((resolve) => (onReady = resolve));
    // Well-formed readings only: this test reads every value as a reading (the shares have unit tests).
    const running = runSimulator({
      target,
      rate: 100,
      servers: 2,
      topic,
      anomalyShare: 0,
      malformedShare: 0,
      signal: controller.signal,
      onReady,
    });

    const consumer = kafka.consumer({ groupId: `${topic}-reader`, maxWaitTimeInMs: 100 });
    const partitionsByKey = new Map<string, Set<number>>();
    let received = 0;
    try {
      await consumer.connect();
      await ready; // the simulator created the topic
      await consumer.subscribe({ topic, fromBeginning: true });
      await new Promise<void>((resolve) => {
        void consumer.run({
          eachMessage: async ({ partition, message }) => {
            const key = message.key!.toString();
            const reading = JSON.parse(message.value!.toString()) as { server: string; metric: string; value: number };
            expect(`${reading.server}-${reading.metric}`).toBe(key);
            partitionsByKey.set(key, (partitionsByKey.get(key) ?? new Set()).add(partition));
            // One fetch can bring a partition's whole backlog first: wait until every stream showed up.
            if (++received >= 60 && partitionsByKey.size === 6) resolve();
          },
        });
      });
    } finally {
      controller.abort();
      await running;
      await consumer.disconnect();
    }
    expect([...partitionsByKey.keys()].sort()).toEqual(
      ["server-1-cpu", "server-1-disk", "server-1-memory", "server-2-cpu", "server-2-disk", "server-2-memory"],
    );
    for (const partitions of partitionsByKey.values()) expect(partitions.size).toBe(1);
  });
});
