import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { listAuditEvents } from "~/server/db/audit";
import { deleteClusterRecord, setClusterReadOnly, upsertClusterByName } from "~/server/db/clusters";
import { disconnectAllClusters } from "~/server/kafka/client-registry";
import type { TCluster } from "~/domain/cluster";
import { actorAs, callerAs } from "../../../../test/caller-as";

const caller = callerAs("admin");
const brokers = inject("kafkaBrokers");
const prefix = `int-topic-${Date.now().toString(36)}`;
let cluster: TCluster;

function spec(
  name: string,
  overrides: Partial<{ partitions: number; replicationFactor: number; configs: Record<string, string> }> = {},
) {
  return { name, partitions: 3, replicationFactor: 1, configs: {}, ...overrides };
}

beforeAll(async () => {
  cluster = await upsertClusterByName(`${prefix}-cluster`, brokers);
});

afterAll(async () => {
  const { items } = await caller.topics.list({ clusterId: cluster.id, search: prefix, pageSize: 100 });
  for (const topic of items)
    await caller.topics.delete({ clusterId: cluster.id, name: topic.name, confirmation: topic.name });
  await deleteClusterRecord(cluster.id);
  await disconnectAllClusters();
});

describe("topic router", () => {
  it("checks a topic with the broker without creating it", async () => {
    const name = `${prefix}-dry`;
    await expect(
      caller.topics.create({ clusterId: cluster.id, spec: spec(name), validateOnly: true }),
    ).resolves.toMatchObject({
      created: false,
    });
    const { total } = await caller.topics.list({ clusterId: cluster.id, search: name });
    expect(total).toBe(0);
  });

  it("creates a topic, lists it on its page with retention, and records who did it", async () => {
    const name = `${prefix}-created`;
    await caller.topics.create({
      clusterId: cluster.id,
      spec: spec(name, { partitions: 6, configs: { "retention.ms": "7200000" } }),
    });
    const page = await caller.topics.list({ clusterId: cluster.id, search: name });
    expect(page.items).toEqual([
      expect.objectContaining({
        name,
        partitionCount: 6,
        replicationFactor: 1,
        retentionMs: "7200000",
        messageCount: "0",
      }),
    ]);
    const [event] = await listAuditEvents({ clusterId: cluster.id, action: "topic.create", take: 1 });
    expect(event).toMatchObject({ actor: (await actorAs("admin")).id, target: name, outcome: "ok" });
  });

  it("refuses a replication factor larger than the brokers, in a sentence, before asking Kafka", async () => {
    await expect(
      caller.topics.create({ clusterId: cluster.id, spec: spec(`${prefix}-rf3`, { replicationFactor: 3 }) }),
    ).rejects.toMatchObject({ message: "Replication factor 3 is larger than the 1 broker in this cluster." });
  });

  it("refuses a second topic with the same name", async () => {
    const name = `${prefix}-twice`;
    await caller.topics.create({ clusterId: cluster.id, spec: spec(name) });
    await expect(caller.topics.create({ clusterId: cluster.id, spec: spec(name) })).rejects.toMatchObject({
      message: expect.stringContaining("already exists"),
    });
  });

  it("adds partitions but refuses to remove any", async () => {
    const name = `${prefix}-grow`;
    await caller.topics.create({ clusterId: cluster.id, spec: spec(name, { partitions: 6 }) });
    await expect(caller.topics.addPartitions({ clusterId: cluster.id, name, count: 3 })).rejects.toMatchObject({
      message: expect.stringContaining("can be added but never removed"),
    });
    await caller.topics.addPartitions({ clusterId: cluster.id, name, count: 8 });
    expect((await caller.topics.describe({ clusterId: cluster.id, name })).partitions).toHaveLength(8);
  });

  it("deletes a topic only when its name is typed again", async () => {
    const name = `${prefix}-doomed`;
    await caller.topics.create({ clusterId: cluster.id, spec: spec(name) });
    await expect(caller.topics.delete({ clusterId: cluster.id, name, confirmation: "yes" })).rejects.toMatchObject({
      message: expect.stringContaining(`Type the topic's name, ${name}`),
    });
    await caller.topics.delete({ clusterId: cluster.id, name, confirmation: name });
    expect((await caller.topics.list({ clusterId: cluster.id, search: name })).total).toBe(0);
  });

  it("refuses every change on a read-only cluster and says so", async () => {
    await setClusterReadOnly(cluster.id, true);
    try {
      await expect(caller.topics.create({ clusterId: cluster.id, spec: spec(`${prefix}-ro`) })).rejects.toMatchObject({
        message: expect.stringContaining("is read-only in Tributary"),
      });
    } finally {
      await setClusterReadOnly(cluster.id, false);
    }
  });
});
