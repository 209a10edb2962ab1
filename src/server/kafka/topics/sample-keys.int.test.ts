import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTopic } from "./create-topic";
import { disconnectCluster, withAdmin, withProducer } from "../client-registry";
import { sampleRecentKeys } from "./sample-keys";

const target = { id: "sample-keys-test", bootstrapServers: inject("kafkaBrokers") };
const topic = `t-${Date.now().toString(36)}-sample`;
const empty = `${topic}-empty`;

beforeAll(async () => {
  await createTopic(target, { name: topic, partitions: 3, replicationFactor: 1, configs: {} }, { validateOnly: false });
  await createTopic(target, { name: empty, partitions: 2, replicationFactor: 1, configs: {} }, { validateOnly: false });
  // Ten records per partition: old-<p>-<i> then, last, two recent ones per partition.
  const messages = [0, 1, 2].flatMap((partition) =>
    Array.from({ length: 10 }, (_, index) => ({
      partition,
      key: index >= 8 ? `recent-${partition}-${index}` : `old-${partition}-${index}`,
      value: "v",
    })),
  );
  await withProducer(target, (producer) =>
    producer.send({ topic, messages: [...messages, { partition: 0, key: null, value: "no key" }] }),
  );
});

afterAll(async () => {
  await withAdmin(target, (admin) => admin.deleteTopics({ topics: [topic, empty] }));
  await disconnectCluster(target.id);
});

describe("sampleRecentKeys", () => {
  it("reads the most recent records of each partition, keys and partitions only", async () => {
    const sample = await sampleRecentKeys(target, topic, { limit: 6 });
    expect(sample).toHaveLength(6);
    const byPartition = (partition: number) =>
      sample.filter((record) => record.partition === partition).map((r) => r.key);
    expect(byPartition(0)).toEqual(["recent-0-9", null]);
    expect(byPartition(1)).toEqual(["recent-1-8", "recent-1-9"]);
    expect(byPartition(2)).toEqual(["recent-2-8", "recent-2-9"]);
  });

  it("joins no consumer group", async () => {
    const before = await withAdmin(target, (admin) => admin.listGroups());
    await sampleRecentKeys(target, topic, { limit: 30 });
    const after = await withAdmin(target, (admin) => admin.listGroups());
    expect(after.groups).toEqual(before.groups);
  });

  it("returns nothing for an empty topic", async () => {
    expect(await sampleRecentKeys(target, empty, { limit: 10 })).toEqual([]);
  });
});
