import { randomUUID } from "node:crypto";
import kafkajs, { type Producer } from "kafkajs";
import { afterAll, describe, expect, inject, it } from "vitest";
import { countMovedKeys } from "~/domain/partitioner/key-movement";
import { partitionForKey } from "~/domain/partitioner/murmur2";
import { disconnectCluster } from "./client-registry";
import { createTopic } from "./topics/create-topic";

/**
 * Proves src/domain/partitioner predicts where a real produce lands: keyed messages go through
 * kafkajs's DefaultPartitioner (Java-compatible murmur2) to the pinned Kafka broker, and each one's
 * partition — from the broker's produce response and from the partitions' end offsets — must equal
 * `partitionForKey(key, partitionCount)`. Then partitions are added and the keys that move are
 * exactly those `countMovedKeys` names.
 */
const topic = `tributary-partitioner-${randomUUID().slice(0, 8)}`;
const PARTITIONS = 6;
const GROWN_PARTITIONS = 9;

const stringKeys = [
  ...["server-1-cpu", "server-2-cpu", "server-3-cpu"],
  ...Array.from({ length: 40 }, (_, index) => `sensor-${index}-temperature`),
  ...["café", "über-schlüssel", "ключ", "键-42", "🦀-rust", "日本語のキー", "naïve-ü-ß-€", ""],
];
const byteKeys = [
  new Uint8Array([0xff, 0x00, 0x80, 0x7f, 0xfe]),
  new Uint8Array([0x00]),
  new Uint8Array(16).fill(0xc3),
];
/** ~50 distinct keys: text (ASCII and multi-byte UTF-8, plus the empty key) and raw bytes. */
const keys: (string | Uint8Array)[] = [...stringKeys, ...byteKeys];
/** A few of them again, through a producer left on kafkajs's default partitioner. */
const defaultPathKeys: (string | Uint8Array)[] = [
  "server-1-cpu",
  "server-2-cpu",
  "café",
  "🦀-rust",
  ...byteKeys.slice(0, 1),
];

const kafka = new kafkajs.Kafka({
  clientId: "tributary-partitioner-test",
  brokers: inject("kafkaBrokers").split(","),
  logLevel: kafkajs.logLevel.NOTHING,
});
const admin = kafka.admin();
const target = { id: "partitioner-test", bootstrapServers: inject("kafkaBrokers") };
// Named explicitly: the partitioner whose placement the app predicts.
const explicitProducer = kafka.producer({
  allowAutoTopicCreation: false,
  createPartitioner: kafkajs.Partitioners.DefaultPartitioner,
});
// No createPartitioner at all: the path any kafkajs 2 producer takes by default.
const defaultProducer = kafka.producer({ allowAutoTopicCreation: false });
// A fresh client after partitions are added, so no cached metadata still says 6.
const grownProducer = kafka.producer({
  allowAutoTopicCreation: false,
  createPartitioner: kafkajs.Partitioners.DefaultPartitioner,
});

afterAll(async () => {
  await disconnectCluster(target.id);
  await explicitProducer.disconnect();
  await defaultProducer.disconnect();
  await grownProducer.disconnect();
  if ((await admin.listTopics()).includes(topic)) await admin.deleteTopics({ topics: [topic] });
  await admin.disconnect();
});

const toKafkaKey = (key: string | Uint8Array) => (typeof key === "string" ? key : Buffer.from(key));
const describeKey = (key: string | Uint8Array) =>
  typeof key === "string" ? JSON.stringify(key) : `bytes ${Buffer.from(key).toString("hex")}`;

/** Sends each key alone (no partition given) and returns the partition the broker acknowledged. */
async function producedPartitions(producer: Producer, batch: (string | Uint8Array)[]): Promise<number[]> {
  const partitions: number[] = [];
  for (const key of batch) {
    const [result, ...others] = await producer.send({
      topic,
      acks: -1,
      messages: [{ key: toKafkaKey(key), value: "v" }],
    });
    expect(others).toEqual([]);
    expect(result?.errorCode).toBe(0);
    partitions.push(result!.partition);
  }
  return partitions;
}

/** End offset (high watermark) per partition: how many records each partition holds. */
async function recordsPerPartition(): Promise<Map<number, number>> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return new Map(offsets.map(({ partition, high }) => [partition, Number(high)]));
}

/** The broker's metadata can lag createPartitions briefly; produce only once every partition has a leader. */
async function waitForPartitionLeaders(count: number): Promise<void> {
  for (const deadline = Date.now() + 15_000; Date.now() < deadline;) {
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    const partitions = topics[0]?.partitions ?? [];
    if (partitions.length === count && partitions.every(({ leader }) => leader >= 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${topic} did not reach ${count} partitions with leaders`);
}

function expectedPerPartition(placed: number[], partitionCount: number): Map<number, number> {
  const counts = new Map(Array.from({ length: partitionCount }, (_, partition) => [partition, 0]));
  for (const partition of placed) counts.set(partition, (counts.get(partition) ?? 0) + 1);
  return counts;
}

describe("partitionForKey against a real Kafka producer", () => {
  const placed: number[] = [];

  it("creates a topic with 6 partitions", async () => {
    await admin.connect();
    // Our createTopic waits until every partition answers (kafkajs's waitForLeaders gives up under load).
    await createTopic(
      target,
      { name: topic, partitions: PARTITIONS, replicationFactor: 1, configs: {} },
      { validateOnly: false },
    );
    expect((await admin.fetchTopicMetadata({ topics: [topic] })).topics[0]?.partitions).toHaveLength(PARTITIONS);
  });

  it("predicts the partition of every key kafkajs's DefaultPartitioner produces to", async () => {
    await explicitProducer.connect();
    const partitions = await producedPartitions(explicitProducer, keys);
    expect(new Set(partitions).size).toBe(PARTITIONS); // ~50 keys reach every partition: a real test of % 6
    keys.forEach((key, index) => {
      expect(partitionForKey(key, PARTITIONS), describeKey(key)).toBe(partitions[index]);
    });
    placed.push(...partitions);
  });

  it("predicts the partition when the producer is left on kafkajs's default partitioner", async () => {
    await defaultProducer.connect();
    const partitions = await producedPartitions(defaultProducer, defaultPathKeys);
    defaultPathKeys.forEach((key, index) => {
      expect(partitionForKey(key, PARTITIONS), describeKey(key)).toBe(partitions[index]);
    });
    placed.push(...partitions);
  });

  it("finds each partition holding exactly the records predicted for it", async () => {
    const predicted = [...keys, ...defaultPathKeys].map((key) => partitionForKey(key, PARTITIONS));
    expect(await recordsPerPartition()).toEqual(expectedPerPartition(predicted, PARTITIONS));
    expect(predicted).toEqual(placed);
  });

  it("moves exactly the keys countMovedKeys names when partitions are added", async () => {
    await admin.createPartitions({ topicPartitions: [{ topic, count: GROWN_PARTITIONS }] });
    await waitForPartitionLeaders(GROWN_PARTITIONS);
    await grownProducer.connect();
    const before = keys.map((key) => partitionForKey(key, PARTITIONS));
    const after = await producedPartitions(grownProducer, keys);
    expect(new Set(after).size).toBeGreaterThan(PARTITIONS);

    const movement = countMovedKeys(keys, PARTITIONS, GROWN_PARTITIONS, { maxExamples: Infinity });
    const movedForReal = keys
      .map((key, index) => ({ key, from: before[index], to: after[index] }))
      .filter(({ from, to }) => from !== to);
    expect(movement.sampled).toBe(keys.length);
    expect(movement.moved).toBe(movedForReal.length);
    expect(movement.moved).toBeGreaterThan(0);
    expect(movement.movedKeys).toEqual(movedForReal);
  });

  it("deletes the topic", async () => {
    await admin.deleteTopics({ topics: [topic] });
    expect(await admin.listTopics()).not.toContain(topic);
  });
});
