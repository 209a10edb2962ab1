import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { partitionForKey } from "~/domain/partitioner/murmur2";
import { deleteClusterRecord, upsertClusterByName } from "~/server/db/clusters";
import { disconnectAllClusters, withProducer } from "~/server/kafka/client-registry";
import type { TCluster } from "~/domain/cluster";
import { callerAs } from "../../../../test/caller-as";

const caller = callerAs("admin");
const prefix = `int-data-${Date.now().toString(36)}`;
const name = `${prefix}-keys`;
const keys = Array.from({ length: 10 }, (_, index) => `device-${index}`);
const BASE = 1_700_000_000_000;
let cluster: TCluster;

beforeAll(async () => {
  cluster = await upsertClusterByName(`${prefix}-cluster`, inject("kafkaBrokers"));
  await caller.topics.create({
    clusterId: cluster.id,
    spec: { name, partitions: 3, replicationFactor: 1, configs: {} },
  });
  // device-0 is hot: 300 messages, the others 10 each; placed as Kafka's default partitioner would.
  const messages = keys
    .flatMap((key, index) => Array.from({ length: index === 0 ? 300 : 10 }, () => key))
    .map((key, n) => ({ partition: partitionForKey(key, 3), key, value: String(n), timestamp: String(BASE + n) }));
  await withProducer(cluster, (producer) => producer.send({ topic: name, messages }));
});

afterAll(async () => {
  await caller.topics.delete({ clusterId: cluster.id, name, confirmation: name });
  await deleteClusterRecord(cluster.id);
  await disconnectAllClusters();
});

describe("topicData router", () => {
  it("samples keys in proportion to traffic and finds the hot partition", async () => {
    const { records, distribution } = await caller.topics.keySample({ clusterId: cluster.id, name });
    expect(records).toHaveLength(390);
    expect(distribution.distinctKeys).toBe(10);
    expect(distribution.partitions).toHaveLength(3);
    const hot = partitionForKey("device-0", 3);
    expect(distribution.hotPartitions).toEqual([hot]);
    expect(distribution.partitions[hot]?.topKey).toEqual({ key: "device-0", messages: 300 });
  });

  it("keeps a smaller sample proportional to each partition's records", async () => {
    const { records, distribution } = await caller.topics.keySample({ clusterId: cluster.id, name, limit: 195 });
    expect(records.length).toBeLessThanOrEqual(195);
    const hot = partitionForKey("device-0", 3);
    expect(distribution.partitions[hot]?.messages).toBeGreaterThan(records.length / 2);
  });

  it("refuses a sample larger than 5,000", async () => {
    await expect(caller.topics.keySample({ clusterId: cluster.id, name, limit: 5001 })).rejects.toThrow();
  });

  it("reads each partition's oldest and newest timestamps", async () => {
    const stamps = await caller.topics.partitionTimestamps({ clusterId: cluster.id, name });
    expect(stamps.map((stamp) => stamp.partition)).toEqual([0, 1, 2]);
    // Timestamps grow with the send order (BASE + n), and device-0's 300 messages went first.
    const hot = partitionForKey("device-0", 3);
    const lastOnHot = 389 - [...keys].reverse().findIndex((key) => partitionForKey(key, 3) === hot) * 10;
    expect(stamps[hot]).toEqual({ partition: hot, oldestTimestamp: BASE, newestTimestamp: BASE + lastOnHot });
  });
});
