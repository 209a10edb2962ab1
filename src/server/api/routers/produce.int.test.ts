import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { partitionForKey } from "~/domain/partitioner/murmur2";
import type { TCluster } from "~/domain/cluster";
import { listAuditEvents } from "~/server/db/audit";
import { deleteClusterRecord, setClusterReadOnly, upsertClusterByName } from "~/server/db/clusters";
import { disconnectAllClusters, withMetadata } from "~/server/kafka/client-registry";
import { fetchRecords } from "~/server/kafka/messages/fetch-records";
import { readPartitionStates } from "~/server/kafka/messages/partition-states";
import { callerAs } from "../../../../test/caller-as";

const caller = callerAs("admin");
const prefix = `int-produce-${Date.now().toString(36)}`;
const topic = `${prefix}-orders`;
const copies = `${prefix}-copies`;
let cluster: TCluster;

/** Reads every record of a partition back with the group-less adapter. */
async function readPartition(name: string, partition: number) {
  return withMetadata(cluster, async (metadata) => {
    const states = await readPartitionStates(metadata, name);
    const state = states.find((candidate) => candidate.partition === partition)!;
    const [result] = await fetchRecords(metadata, name, [{ partition, leader: state.leader!, fromOffset: state.low }], {
      maxWaitMs: 0,
      maxBytesPerPartition: 1024 * 1024,
    });
    return result?.records ?? [];
  });
}

beforeAll(async () => {
  cluster = await upsertClusterByName(`${prefix}-cluster`, inject("kafkaBrokers"));
  for (const name of [topic, copies]) {
    await caller.topics.create({
      clusterId: cluster.id,
      spec: { name, partitions: 4, replicationFactor: 1, configs: {} },
    });
  }
});

afterAll(async () => {
  for (const name of [topic, copies]) await caller.topics.delete({ clusterId: cluster.id, name, confirmation: name });
  await deleteClusterRecord(cluster.id);
  await disconnectAllClusters();
});

describe("produce router", () => {
  it("sends a keyed message N times to the key's partition and reports the exact offsets", async () => {
    const result = await caller.messages.produce({
      clusterId: cluster.id,
      topic,
      key: { text: "order-42" },
      value: { text: '{"total": 12.5}' },
      headers: [{ key: "source", value: { text: "form" } }],
      partition: "key",
      repeat: 3,
    });
    const partition = partitionForKey("order-42", 4);
    expect(result).toEqual({ count: 3, placements: [{ partition, firstOffset: "0", lastOffset: "2" }] });

    const records = await readPartition(topic, partition);
    expect(records.map((record) => record.offset)).toEqual([0n, 1n, 2n]);
    expect(records[0]?.key?.toString()).toBe("order-42");
    expect(records[0]?.headers.map((header) => [header.key, header.value?.toString()])).toEqual([["source", "form"]]);
  });

  it("sends exact bytes and null to an explicit partition, and refuses a partition the topic lacks", async () => {
    const bytes = Buffer.from([0, 0xff, 0xfe, 0x80]);
    const result = await caller.messages.produce({
      clusterId: cluster.id,
      topic,
      key: null,
      value: { base64: bytes.toString("base64") },
      headers: [],
      partition: 3,
    });
    expect(result.placements).toEqual([{ partition: 3, firstOffset: "0", lastOffset: "0" }]);
    const [record] = await readPartition(topic, 3);
    expect(record?.key).toBeNull();
    expect(record?.value).toEqual(bytes);

    await expect(
      caller.messages.produce({ clusterId: cluster.id, topic, key: null, value: null, headers: [], partition: 9 }),
    ).rejects.toThrow("Partition 9 does not exist: the topic has 4 partitions (0–3).");
  });

  it("spreads messages without a key over all partitions", async () => {
    const result = await caller.messages.produce({
      clusterId: cluster.id,
      topic: copies,
      key: null,
      value: { text: "ping" },
      headers: [],
      partition: "key",
      repeat: 8,
    });
    expect(result.placements.map((placement) => placement.partition)).toEqual([0, 1, 2, 3]);
    expect(
      result.placements.every((placement) => BigInt(placement.lastOffset) - BigInt(placement.firstOffset) === 1n),
    ).toBe(true);
  });

  it("records a replay with the message it copies, and refuses writes to a read-only cluster", async () => {
    const replayOf = { topic, partition: 3, offset: "0" };
    await caller.messages.produce({
      clusterId: cluster.id,
      topic: copies,
      key: null,
      value: { text: "again" },
      headers: [],
      partition: 0,
      replayOf,
    });
    const [event] = await listAuditEvents({ clusterId: cluster.id, action: "messages.replay", take: 1 });
    expect(event).toMatchObject({ target: copies, outcome: "ok", details: { replayOf } });

    await setClusterReadOnly(cluster.id, true);
    try {
      await expect(
        caller.messages.produce({
          clusterId: cluster.id,
          topic,
          key: null,
          value: { text: "x" },
          headers: [],
          partition: 0,
        }),
      ).rejects.toThrow(/read-only/);
    } finally {
      await setClusterReadOnly(cluster.id, false);
    }
  });

  it("explains a message larger than the topic accepts", async () => {
    await expect(
      caller.messages.produce({
        clusterId: cluster.id,
        topic,
        key: null,
        value: { text: "x".repeat(1_100_000) },
        headers: [],
        partition: 0,
      }),
    ).rejects.toThrow("The message is larger than this topic accepts (max.message.bytes).");
  });
});
