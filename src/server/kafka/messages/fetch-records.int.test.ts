import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { disconnectCluster, withAdmin, withMetadata, withProducer } from "../client-registry";
import { createTopic } from "../topics/create-topic";
import { fetchRecords } from "./fetch-records";
import { offsetsForTimestamp, readPartitionStates } from "./partition-states";

const target = { id: "fetch-records-test", bootstrapServers: inject("kafkaBrokers") };
const topic = `t-${Date.now().toString(36)}-fetch`;
const ONE_MEGABYTE = 1024 * 1024;

beforeAll(async () => {
  await createTopic(
    target,
    { name: topic, partitions: 2, replicationFactor: 1, configs: { "max.message.bytes": String(2 * ONE_MEGABYTE) } },
    { validateOnly: false },
  );
  // Partition 0: ten records with timestamps 1000, 2000, … 10000; partition 1: a 1 MB record between two small ones.
  await withProducer(target, async (producer) => {
    await producer.send({
      topic,
      messages: Array.from({ length: 10 }, (_, index) => ({
        partition: 0,
        key: `k${index}`,
        value: `v${index}`,
        timestamp: String((index + 1) * 1000),
        headers: { trace: `t${index}`, dup: ["a", "b"] },
      })),
    });
    await producer.send({ topic, messages: [{ partition: 1, key: null, value: "small" }] });
    await producer.send({ topic, messages: [{ partition: 1, key: "big", value: "x".repeat(ONE_MEGABYTE) }] });
    await producer.send({ topic, messages: [{ partition: 1, key: null, value: null }] });
  });
});

afterAll(async () => {
  await withAdmin(target, (admin) => admin.deleteTopics({ topics: [topic] }));
  await disconnectCluster(target.id);
});

describe("fetchRecords", () => {
  it("reads records from an offset, with keys, values, headers and timestamps", async () => {
    const [result] = await withMetadata(target, (cluster) =>
      fetchRecords(cluster, topic, [{ partition: 0, leader: 1, fromOffset: 3n }], {
        maxWaitMs: 0,
        maxBytesPerPartition: 64 * 1024,
      }),
    );
    expect(result?.records.map((record) => record.offset)).toEqual([3n, 4n, 5n, 6n, 7n, 8n, 9n]);
    const first = result!.records[0]!;
    expect(first.key?.toString()).toBe("k3");
    expect(first.value?.toString()).toBe("v3");
    expect(first.timestamp).toBe("4000");
    expect(first.timestampType).toBe("CreateTime");
    expect(first.headers.map((header) => [header.key, header.value?.toString()])).toEqual([
      ["trace", "t3"],
      ["dup", "a"],
      ["dup", "b"],
    ]);
    expect(result?.nextOffset).toBe(10n);
  });

  it("returns a 1 MB record even when it is larger than the per-partition budget, and null keys and values as null", async () => {
    const states = await withMetadata(target, (cluster) => readPartitionStates(cluster, topic));
    const reads = states.map((state) => ({
      partition: state.partition,
      leader: state.leader!,
      fromOffset: state.partition === 1 ? 1n : 0n,
    }));
    const results = await withMetadata(target, (cluster) =>
      fetchRecords(cluster, topic, reads, { maxWaitMs: 0, maxBytesPerPartition: 1024 }),
    );
    const big = results.find((result) => result.partition === 1)?.records[0];
    expect(big?.offset).toBe(1n);
    expect(big?.value?.length).toBe(ONE_MEGABYTE);

    const [tail] = await withMetadata(target, (cluster) =>
      fetchRecords(cluster, topic, [{ partition: 1, leader: 1, fromOffset: 2n }], {
        maxWaitMs: 0,
        maxBytesPerPartition: 1024,
      }),
    );
    expect(tail?.records[0]?.key).toBeNull();
    expect(tail?.records[0]?.value).toBeNull();
  });

  it("finds the first offset at or after a timestamp, and the high watermark past the newest", async () => {
    const offsets = await withMetadata(target, async (cluster) => {
      const states = await readPartitionStates(cluster, topic);
      return [
        await offsetsForTimestamp(cluster, topic, states, 4500),
        await offsetsForTimestamp(cluster, topic, states, Date.now() + 60_000),
      ];
    });
    expect(offsets[0]?.get(0)).toBe(4n);
    expect(offsets[1]?.get(0)).toBe(10n);
    expect(offsets[1]?.get(1)).toBe(3n);
  });

  it("joins no consumer group", async () => {
    const before = await withAdmin(target, (admin) => admin.listGroups());
    await withMetadata(target, (cluster) =>
      fetchRecords(cluster, topic, [{ partition: 0, leader: 1, fromOffset: 0n }], {
        maxWaitMs: 0,
        maxBytesPerPartition: 1024,
      }),
    );
    const after = await withAdmin(target, (admin) => admin.listGroups());
    expect(after.groups).toEqual(before.groups);
  });
});
