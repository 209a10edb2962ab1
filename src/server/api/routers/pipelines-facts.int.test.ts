import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TCluster } from "~/domain/cluster";
import type { TTopicDefinitionInput } from "~/domain/definitions/definition";
import { deleteClusterRecord, upsertClusterByName } from "~/server/db/clusters";
import { disconnectAllClusters, withAdmin } from "~/server/kafka/client-registry";
import { createTopic } from "~/server/kafka/topics/create-topic";
import { callerAs } from "../../../../test/caller-as";

const operator = callerAs("operator");
const viewer = callerAs("viewer");
const brokers = inject("kafkaBrokers");
const prefix = `int-pipefacts-${Date.now().toString(36)}`;
const table = `${prefix}-table`;
const plain = `${prefix}-plain`;
const planned = `${prefix}-planned`;
const nowhere = `${prefix}-nowhere`;
let cluster: TCluster;
let dead: TCluster;

function definition(topicName: string, overrides: Partial<TTopicDefinitionInput> = {}): TTopicDefinitionInput {
  return { topicName, layer: "clean", owner: "telemetry-team", partitions: 1, replicationFactor: 1, ...overrides };
}

beforeAll(async () => {
  cluster = await upsertClusterByName(`${prefix}-cluster`, brokers);
  dead = await upsertClusterByName(`${prefix}-dead`, "127.0.0.1:1");
  await createTopic(
    cluster,
    { name: table, partitions: 3, replicationFactor: 1, configs: { "cleanup.policy": "compact" } },
    { validateOnly: false },
  );
  await createTopic(
    cluster,
    { name: plain, partitions: 2, replicationFactor: 1, configs: {} },
    { validateOnly: false },
  );
  // The definition disagrees with Kafka on purpose: live partitions and cleanup.policy win.
  await operator.definitions.save({
    clusterId: cluster.id,
    definition: definition(table, {
      keyDescription: "stream id: server-<n>-<metric>",
      partitions: 6,
      configs: { "cleanup.policy": "delete" },
      schemaFormat: "json",
    }),
  });
  await operator.definitions.save({
    clusterId: cluster.id,
    definition: definition(planned, { layer: "results", partitions: 4, configs: { "cleanup.policy": "compact" } }),
  });
  await operator.definitions.save({
    clusterId: dead.id,
    definition: definition(planned, { layer: "results", partitions: 4, keyDescription: "host" }),
  });
});

afterAll(async () => {
  await withAdmin(cluster, (admin) => admin.deleteTopics({ topics: [table, plain] }));
  await deleteClusterRecord(cluster.id);
  await deleteClusterRecord(dead.id);
  await disconnectAllClusters();
});

describe("pipelines.facts", () => {
  it("reads each named topic's definition and Kafka's partitions and cleanup policy", async () => {
    const facts = await viewer.pipelines.facts({ clusterId: cluster.id, topics: [table, plain, planned, nowhere] });
    expect(facts.liveFailure).toBeNull();
    expect(facts.topics[table]).toEqual({
      exists: true,
      partitions: 3,
      layer: "clean",
      hasDefinition: true,
      keyed: true,
      keyDescription: "stream id: server-<n>-<metric>",
      compacted: true,
      hasSchema: true,
    });
    expect(facts.topics[plain]).toMatchObject({
      exists: true,
      partitions: 2,
      hasDefinition: false,
      layer: null,
      keyed: false,
      compacted: false,
    });
    expect(facts.topics[planned]).toMatchObject({
      exists: false,
      partitions: 4,
      layer: "results",
      hasDefinition: true,
      keyed: false,
      compacted: true,
      hasSchema: false,
    });
    expect(facts.topics[nowhere]).toEqual({
      exists: false,
      partitions: null,
      layer: null,
      hasDefinition: false,
      keyed: false,
      keyDescription: "",
      compacted: false,
      hasSchema: false,
    });
  });

  it("answers from the definitions alone, with Kafka's sentence, when Kafka cannot be reached", async () => {
    const facts = await viewer.pipelines.facts({ clusterId: dead.id, topics: [planned, nowhere] });
    expect(facts.liveFailure).toMatch(/127\.0\.0\.1:1/);
    expect(facts.topics[planned]).toMatchObject({ exists: false, partitions: 4, layer: "results", keyed: true });
    expect(facts.topics[nowhere]).toMatchObject({ exists: false, partitions: null, hasDefinition: false });
  });
});
