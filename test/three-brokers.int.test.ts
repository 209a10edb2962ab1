import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startKafka, type RunningKafka } from "../apps/kafka-local/src/cluster";
import { findFreeBasePort } from "../apps/kafka-local/src/ports";
import { describeClusterOverview } from "../src/server/kafka/describe-cluster";
import { disconnectCluster } from "../src/server/kafka/client-registry";
import { createTopic } from "../src/server/kafka/topics/create-topic";
import { describeTopic } from "../src/server/kafka/topics/describe-topic";
import { listTopicSummaries } from "../src/server/kafka/topics/list-topics";

/**
 * Replication seen through Tributary on a real 3-broker cluster: stop one broker and its replicas
 * leave the ISR, the partitions count as under-replicated, and the broker drops off the list.
 */
let kafka: RunningKafka;
const dataDir = path.join(".data/test", `three-brokers-${process.pid}`);
const target = { id: "three-brokers", bootstrapServers: "" };

/** Kafka moves replicas out of the ISR asynchronously; ask again until it has (bounded). */
async function eventually<T>(read: () => Promise<T>, isDone: (value: T) => boolean, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (isDone(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

beforeAll(async () => {
  kafka = await startKafka({ brokers: 3, dataDir, basePort: await findFreeBasePort(3), clean: true });
  target.bootstrapServers = kafka.bootstrapServers;
}, 120_000);

afterAll(async () => {
  await disconnectCluster(target.id);
  await kafka?.stop();
  await rm(dataDir, { recursive: true, force: true });
}, 60_000);

describe("a 3-broker cluster", () => {
  it("shows replicas leaving the ISR and partitions under-replicated when a broker stops", async () => {
    const overview = await describeClusterOverview(target);
    expect(overview.brokers).toHaveLength(3);

    await createTopic(target, { name: "replicated", partitions: 3, replicationFactor: 3, configs: {} }, { validateOnly: false });
    const before = await describeTopic(target, "replicated");
    for (const partition of before.partitions) expect([...partition.isr].sort()).toEqual([1, 2, 3]);

    await kafka.stopBroker(3);
    const after = await eventually(
      () => describeTopic(target, "replicated"),
      (topic) => topic.partitions.every((partition) => !partition.isr.includes(3)),
    );
    for (const partition of after.partitions) {
      expect(partition.replicas).toContain(3);
      expect(partition.isr).not.toContain(3);
    }
    const [summary] = await listTopicSummaries(target, { includeInternal: false });
    expect(summary).toMatchObject({ name: "replicated", underReplicatedPartitions: 3 });
    const degraded = await describeClusterOverview(target);
    expect(degraded.brokers.map((broker) => broker.nodeId)).toEqual([1, 2]);
    expect(degraded.underReplicatedPartitionCount).toBeGreaterThanOrEqual(3);
  }, 120_000);
});
