import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTopic } from "./create-topic";
import { disconnectCluster, withAdmin, withProducer } from "../client-registry";
import { readPartitionTimestamps } from "./partition-timestamps";

const target = { id: "partition-timestamps-test", bootstrapServers: inject("kafkaBrokers") };
const topic = `t-${Date.now().toString(36)}-timestamps`;
const BASE = 1_700_000_000_000;

beforeAll(async () => {
  await createTopic(target, { name: topic, partitions: 3, replicationFactor: 1, configs: {} }, { validateOnly: false });
  // Partition p gets five records at BASE + p·1000 + i·10 s; partition 2 stays empty.
  // Sent in two rounds, so the oldest and newest sit in different batches.
  const round = (indexes: number[]) =>
    [0, 1].flatMap((partition) =>
      indexes.map((index) => ({
        partition,
        key: `k${index}`,
        value: "v",
        timestamp: String(BASE + partition * 1000 + index * 10_000),
      })),
    );
  await withProducer(target, async (producer) => {
    await producer.send({ topic, messages: round([0, 1, 2]) });
    await producer.send({ topic, messages: round([3, 4]) });
  });
});

afterAll(async () => {
  await withAdmin(target, (admin) => admin.deleteTopics({ topics: [topic] }));
  await disconnectCluster(target.id);
});

describe("readPartitionTimestamps", () => {
  it("gives the first and last record's timestamp per partition, null for an empty one", async () => {
    expect(await readPartitionTimestamps(target, topic)).toEqual([
      { partition: 0, oldestTimestamp: BASE, newestTimestamp: BASE + 40_000 },
      { partition: 1, oldestTimestamp: BASE + 1000, newestTimestamp: BASE + 41_000 },
      { partition: 2, oldestTimestamp: null, newestTimestamp: null },
    ]);
  });

  it("follows the log start when old records are deleted", async () => {
    await withAdmin(target, async (admin) => {
      // The admin's metadata cache must know the topic's leaders first.
      await admin.fetchTopicMetadata({ topics: [topic] });
      await admin.deleteTopicRecords({ topic, partitions: [{ partition: 0, offset: "2" }] });
    });
    const [first] = await readPartitionTimestamps(target, topic);
    expect(first).toEqual({ partition: 0, oldestTimestamp: BASE + 20_000, newestTimestamp: BASE + 40_000 });
  });

  it("joins no consumer group", async () => {
    const before = await withAdmin(target, (admin) => admin.listGroups());
    await readPartitionTimestamps(target, topic);
    expect((await withAdmin(target, (admin) => admin.listGroups())).groups).toEqual(before.groups);
  });
});
