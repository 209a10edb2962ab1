import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { deleteClusterRecord, upsertClusterByName } from "~/server/db/clusters";
import { disconnectAllClusters } from "~/server/kafka/client-registry";
import type { TCluster } from "~/domain/cluster";
import { startKafkajsMember } from "../../../../test/kafkajs-member";
import { callerAs } from "../../../../test/caller-as";

const caller = callerAs("admin");
const brokers = inject("kafkaBrokers");
const prefix = `int-topic-rules-${Date.now().toString(36)}`;
const name = `${prefix}-edited`;
let cluster: TCluster;

beforeAll(async () => {
  cluster = await upsertClusterByName(`${prefix}-cluster`, brokers);
  await caller.topics.create({
    clusterId: cluster.id,
    spec: { name, partitions: 1, replicationFactor: 1, configs: { "retention.ms": "3600000" } },
  });
  // __consumer_offsets exists once a group has asked for its coordinator; a fresh broker may have none yet.
  const { consumer } = await startKafkajsMember({
    brokers: brokers.split(","),
    groupId: `${prefix}-group`,
    topic: name,
    clientId: `${prefix}-member`,
  });
  await consumer.disconnect();
});

afterAll(async () => {
  await caller.topics.delete({ clusterId: cluster.id, name, confirmation: name });
  const groupId = `${prefix}-group`;
  await caller.groups.delete({ clusterId: cluster.id, groupId, confirmation: groupId }).catch(() => undefined);
  await deleteClusterRecord(cluster.id);
  await disconnectAllClusters();
});

async function retentionMs(): Promise<string | undefined> {
  const topic = await caller.topics.describe({ clusterId: cluster.id, name });
  return topic.configs.find((config) => config.name === "retention.ms")?.value ?? undefined;
}

describe("changing an existing topic's configs", () => {
  it("refuses values with the create form's sentences, naming each config, and changes nothing", async () => {
    await expect(
      caller.topics.alterConfigs({
        clusterId: cluster.id,
        name,
        changes: { "retention.ms": "soon", "no.such.config": "1" },
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/retention\.ms must be .*no\.such\.config is not a topic config Kafka knows\./),
    });
    expect(await retentionMs()).toBe("3600000");
  });

  it("refuses min.insync.replicas above the topic's replication factor, which Kafka itself accepts", async () => {
    await expect(
      caller.topics.alterConfigs({ clusterId: cluster.id, name, changes: { "min.insync.replicas": "2" } }),
    ).rejects.toMatchObject({
      message:
        "min.insync.replicas (2) cannot be larger than the replication factor (1): producers using acks=all could never write.",
    });
  });

  it("still applies a valid change", async () => {
    await caller.topics.alterConfigs({ clusterId: cluster.id, name, changes: { "retention.ms": "7200000" } });
    expect(await retentionMs()).toBe("7200000");
  });
});

describe("Kafka's internal topics", () => {
  it("refuses config changes to __consumer_offsets with a sentence", async () => {
    await expect(
      caller.topics.alterConfigs({
        clusterId: cluster.id,
        name: "__consumer_offsets",
        changes: { "retention.ms": "3600000" },
      }),
    ).rejects.toMatchObject({
      message: "__consumer_offsets is internal to Kafka; Tributary does not change its configs.",
    });
  });

  it("refuses adding partitions to __consumer_offsets, which would move every group's coordinator", async () => {
    const before = (await caller.topics.describe({ clusterId: cluster.id, name: "__consumer_offsets" })).partitions;
    await expect(
      caller.topics.addPartitions({ clusterId: cluster.id, name: "__consumer_offsets", count: before.length + 1 }),
    ).rejects.toMatchObject({
      message: "__consumer_offsets is internal to Kafka; Tributary does not add partitions to it.",
    });
    const after = (await caller.topics.describe({ clusterId: cluster.id, name: "__consumer_offsets" })).partitions;
    expect(after).toHaveLength(before.length);
  });
});
