import { rm } from "node:fs/promises";
import path from "node:path";
import kafkajs from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startKafka, type RunningKafka } from "../../../../apps/kafka-local/src/cluster";
import { findFreeBasePort } from "../../../../apps/kafka-local/src/ports";
import { disconnectCluster } from "../client-registry";
import { readTail, type TTailEvent } from "./tail-reader";

/**
 * The tail reader across a broker restart, on a broker of its own (the shared test broker must
 * stay up for the other files): it says Kafka is unreachable while it is down, and afterwards
 * continues where it was — nothing read twice, nothing new missed.
 */
let kafka: RunningKafka;
const dataDir = path.join(".data/test", `tail-reader-${process.pid}`);
const target = { id: "tail-reader-restart", bootstrapServers: "" };
const topic = `t-${Date.now().toString(36)}-tail`;

/** Events are awaited, not timed: on a loaded machine a reader takes seconds to connect and stop. */
const UNTIL = { timeout: 20_000 };

beforeAll(async () => {
  kafka = await startKafka({ brokers: 1, dataDir, basePort: await findFreeBasePort(1), clean: true });
  target.bootstrapServers = kafka.bootstrapServers;
}, 120_000);

afterAll(async () => {
  await disconnectCluster(target.id);
  await kafka?.stop();
  await rm(dataDir, { recursive: true, force: true });
}, 60_000);

async function produce(value: string): Promise<void> {
  const client = new kafkajs.Kafka({ brokers: kafka.bootstrapServers.split(","), logLevel: kafkajs.logLevel.NOTHING });
  const producer = client.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    await producer.send({ topic, messages: [{ partition: 0, value }] });
  } finally {
    await producer.disconnect();
  }
}

describe("readTail", () => {
  it("reports a stopped broker in a sentence and resumes where it was once the broker is back", async () => {
    const admin = new kafkajs.Kafka({
      brokers: kafka.bootstrapServers.split(","),
      logLevel: kafkajs.logLevel.NOTHING,
    }).admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    await admin.disconnect();
    await produce("before the tail");

    const stop = new AbortController();
    const events: TTailEvent[] = [];
    const reading = (async () => {
      for await (const event of readTail(target, topic, stop.signal, { maxWaitMs: 200 })) events.push(event);
    })();
    const values = () =>
      events.flatMap((event) =>
        event.kind === "records" ? event.records.map((record) => record.value?.toString()) : [],
      );
    const lives = () => events.filter((event) => event.kind === "live").length;

    await expect.poll(lives, UNTIL).toBe(1);
    await produce("while up");
    await expect.poll(values, UNTIL).toEqual(["while up"]);

    await kafka.stopBroker(1);
    await expect
      .poll(() => events.find((event) => event.kind === "down"), { timeout: 30_000 })
      .toMatchObject({
        error: { code: "KAFKA_UNREACHABLE", message: `Kafka is unreachable at ${target.bootstrapServers}.` },
      });

    await kafka.startBroker(1);
    await expect.poll(lives, { timeout: 60_000 }).toBe(2);
    await produce("after the restart");
    await expect.poll(values, { timeout: 30_000 }).toEqual(["while up", "after the restart"]);

    stop.abort();
    await reading;
  }, 150_000);
});
