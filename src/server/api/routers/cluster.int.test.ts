import kafkajs from "kafkajs";
import { afterAll, describe, expect, inject, it } from "vitest";
import type { TClusterHealth } from "~/domain/cluster";
import { deleteClusterRecord, upsertClusterByName } from "~/server/db/clusters";
import { disconnectAllClusters } from "~/server/kafka/client-registry";
import { activeHealthWatches } from "~/server/services/clusters/cluster-health";
import { callerAs } from "../../../../test/caller-as";

const caller = callerAs("operator");
const brokers = inject("kafkaBrokers");

/** Reads health events until one satisfies `predicate`, then closes the subscription. */
async function nextHealth(clusterId: string, predicate: (health: TClusterHealth) => boolean): Promise<TClusterHealth> {
  const controller = new AbortController();
  const subscriber = callerAs("operator", { signal: controller.signal });
  const events = await subscriber.clusters.health({ clusterId });
  try {
    for await (const health of events) if (predicate(health)) return health;
    throw new Error("the subscription ended without a matching event");
  } finally {
    controller.abort();
  }
}

const registered: string[] = [];

afterAll(async () => {
  await disconnectAllClusters();
  const clusters = await caller.clusters.list();
  const ours = clusters.filter((cluster) => cluster.name === "integration" || registered.includes(cluster.id));
  await Promise.all(ours.map((cluster) => deleteClusterRecord(cluster.id)));
});

describe("cluster router", () => {
  it("registers the cluster from KAFKA_BROKERS and lists it", async () => {
    const clusters = await caller.clusters.list();
    expect(clusters).toContainEqual(
      expect.objectContaining({ name: "integration", bootstrapServers: brokers, isReadOnly: false }),
    );
  });

  it("streams the live broker list, controller and counts of the real cluster", async () => {
    const [cluster] = (await caller.clusters.list()).filter((entry) => entry.name === "integration");
    const health = await nextHealth(cluster!.id, (event) => event.status === "ok");
    if (health.status !== "ok") throw new Error("unreachable");
    const [host, port] = brokers.split(",")[0]!.split(":");
    expect(health.overview.brokers).toContainEqual(expect.objectContaining({ host, port: Number(port) }));
    expect(health.overview.controllerId).not.toBeNull();
    expect(health.overview.brokers.filter((broker) => broker.isController)).toHaveLength(1);
    expect(health.overview.clusterId).toMatch(/^[\w-]{22}$/);
  });

  it("sees a topic created by another client on a later event", async () => {
    const [cluster] = (await caller.clusters.list()).filter((entry) => entry.name === "integration");
    const first = await nextHealth(cluster!.id, (event) => event.status === "ok");
    if (first.status !== "ok") throw new Error("unreachable");
    const topic = `int-health-${Date.now().toString(36)}`;
    const admin = new kafkajs.Kafka({ brokers: brokers.split(","), logLevel: kafkajs.logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      await admin.createTopics({ topics: [{ topic, numPartitions: 4 }] });
      const later = await nextHealth(
        cluster!.id,
        (event) => event.status === "ok" && event.overview.topicCount === first.overview.topicCount + 1,
      );
      if (later.status !== "ok") throw new Error("unreachable");
      expect(later.overview.partitionCount).toBe(first.overview.partitionCount + 4);
    } finally {
      await admin.deleteTopics({ topics: [topic] });
      await admin.disconnect();
    }
  });

  it("says in a sentence that a cluster nobody answers for is unreachable, and when it retries", async () => {
    const dead = await upsertClusterByName(`dead-${Date.now().toString(36)}`, "127.0.0.1:1");
    registered.push(dead.id);
    const health = await nextHealth(dead.id, () => true);
    expect(health).toMatchObject({
      status: "unreachable",
      message: "Kafka is unreachable at 127.0.0.1:1.",
      bootstrapServers: "127.0.0.1:1",
      retryInMs: 1_000,
    });
  });

  it("stops polling a cluster once its last subscriber leaves", async () => {
    const [cluster] = (await caller.clusters.list()).filter((entry) => entry.name === "integration");
    await nextHealth(cluster!.id, (event) => event.status === "ok");
    expect(activeHealthWatches()).not.toContain(cluster!.id);
  });
});
