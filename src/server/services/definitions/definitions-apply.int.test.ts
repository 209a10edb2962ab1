import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TCluster } from "~/domain/cluster";
import type { TTopicDefinitionInput } from "~/domain/definitions/definition";
import type { TApplyEvent } from "~/domain/definitions/definition-dto";
import { listAuditEvents } from "~/server/db/audit";
import { deleteClusterRecord, setClusterReadOnly, upsertClusterByName } from "~/server/db/clusters";
import { disconnectAllClusters, withAdmin } from "~/server/kafka/client-registry";
import { createTopic } from "~/server/kafka/topics/create-topic";
import { actorAs, callerAs } from "../../../../test/caller-as";
import { listDefinitions } from "~/server/db/topic-definitions";
import { readLiveTopics } from "./live-state";
import { applyPlan } from "./plan-service";

const operator = callerAs("operator");
/** Applying changes topics, which only admins may do; operators edit definitions. */
const admin = callerAs("admin");
const viewer = callerAs("viewer");
const brokers = inject("kafkaBrokers");
const prefix = `int-defs-${Date.now().toString(36)}`;
const created = `${prefix}-created`;
const grown = `${prefix}-grown`;
const retained = `${prefix}-retained`;
const fixed = `${prefix}-fixed`;
const SEVEN_DAYS = "604800000";
const ONE_DAY = "86400000";
let cluster: TCluster;

function definition(topicName: string, overrides: Partial<TTopicDefinitionInput> = {}): TTopicDefinitionInput {
  return { topicName, layer: "raw", owner: "telemetry-team", partitions: 2, replicationFactor: 1, ...overrides };
}

async function collect(events: AsyncIterable<TApplyEvent>): Promise<TApplyEvent[]> {
  const all: TApplyEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

async function topicAudit(target: string) {
  const rows = await listAuditEvents({ clusterId: cluster.id, take: 500 });
  return rows.filter((row) => row.target === target && row.action.startsWith("topic."));
}

beforeAll(async () => {
  cluster = await upsertClusterByName(`${prefix}-cluster`, brokers);
  const create = (name: string, partitions: number, configs: Record<string, string> = {}) =>
    createTopic(cluster, { name, partitions, replicationFactor: 1, configs }, { validateOnly: false });
  await create(grown, 2);
  await create(retained, 1, { "retention.ms": SEVEN_DAYS, "cleanup.policy": "delete" });
  await create(fixed, 3);
});

afterAll(async () => {
  const live = await readLiveTopics(cluster.id);
  const ours = [...live.keys()].filter((name) => name.startsWith(prefix));
  await withAdmin(cluster, (admin) => admin.deleteTopics({ topics: ours }));
  await deleteClusterRecord(cluster.id);
  await disconnectAllClusters();
});

describe("definitions: plan and apply against real Kafka", () => {
  it("creates one topic, adds partitions to another, alters a third's retention — then nothing drifts", async () => {
    const names = [created, grown, retained];
    for (const input of [
      definition(created, { partitions: 3, configs: { "retention.ms": "3600000" } }),
      definition(grown, { partitions: 4 }),
      definition(retained, { partitions: 1, configs: { "retention.ms": ONE_DAY } }),
    ]) {
      await operator.definitions.save({ clusterId: cluster.id, definition: input });
    }

    const drift = await operator.definitions.drift({ clusterId: cluster.id });
    expect(
      drift.filter((entry) => names.includes(entry.topicName)).map((entry) => [entry.topicName, entry.state]),
    ).toEqual(
      expect.arrayContaining([
        [created, "missing"],
        [grown, "drifted"],
        [retained, "drifted"],
      ]),
    );

    const plan = await operator.definitions.plan({ clusterId: cluster.id, topicNames: names });
    expect(plan.refusals).toEqual([]);
    expect(plan.steps.map((step) => [step.kind, step.topicName])).toEqual([
      ["create", created],
      ["addPartitions", grown],
      ["alterConfigs", retained],
    ]);

    const events = await collect(await admin.definitions.applyPlan({ clusterId: cluster.id, topicNames: names }));
    expect(events[0]).toMatchObject({ kind: "plan" });
    expect(events.filter((event) => event.kind === "step" && event.status === "done")).toHaveLength(3);
    expect(events.at(-1)).toEqual({ kind: "finished", applied: 3, failed: false, cancelled: false });

    const after = await operator.definitions.drift({ clusterId: cluster.id });
    expect(after.filter((entry) => names.includes(entry.topicName))).toEqual(
      names.map((topicName) => ({ topicName, state: "in-sync", fields: [] })),
    );
    const live = await readLiveTopics(cluster.id, names);
    expect(live.get(created)).toMatchObject({ partitions: 3 });
    expect(live.get(grown)).toMatchObject({ partitions: 4 });
    // Incremental: the override the definition does not mention is still there.
    expect(live.get(retained)?.configs).toMatchObject({ "retention.ms": ONE_DAY, "cleanup.policy": "delete" });

    const adminId = (await actorAs("admin")).id;
    for (const [target, action] of [
      [created, "topic.create"],
      [grown, "topic.add-partitions"],
      [retained, "topic.alter-configs"],
    ] as const) {
      const rows = await topicAudit(target);
      expect(rows).toEqual([expect.objectContaining({ action, outcome: "ok", actor: adminId })]);
    }
    const again = await operator.definitions.plan({ clusterId: cluster.id, topicNames: names });
    expect(again).toEqual({ steps: [], refusals: [] });
  });

  it("refuses fewer partitions and a replication-factor change in the plan, and apply asks Kafka nothing", async () => {
    await operator.definitions.save({
      clusterId: cluster.id,
      definition: definition(fixed, { partitions: 1, replicationFactor: 2 }),
    });
    const plan = await operator.definitions.plan({ clusterId: cluster.id, topicNames: [fixed] });
    expect(plan.steps).toEqual([]);
    expect(plan.refusals.map((refusal) => refusal.field).sort()).toEqual(["partitions", "replicationFactor"]);
    expect(plan.refusals.find((refusal) => refusal.field === "partitions")?.sentence).toMatch(
      /never removes partitions/,
    );

    const events = await collect(await admin.definitions.applyPlan({ clusterId: cluster.id, topicNames: [fixed] }));
    expect(events.at(-1)).toEqual({ kind: "finished", applied: 0, failed: false, cancelled: false });
    expect((await readLiveTopics(cluster.id, [fixed])).get(fixed)).toMatchObject({
      partitions: 3,
      replicationFactor: 1,
    });
    expect(await topicAudit(fixed)).toEqual([]);
  });

  it("stops at the first failing step with its sentence and does not run the next", async () => {
    const missing = `${prefix}-missing`;
    const never = `${prefix}-never`;
    const by = { actor: await actorAs("operator") };
    const outcome = await applyPlan(by, cluster.id, {
      steps: [
        { kind: "alterConfigs", topicName: missing, changes: [{ name: "retention.ms", from: null, to: ONE_DAY }] },
        { kind: "create", topicName: never, partitions: 1, replicationFactor: 1, configs: {} },
      ],
      refusals: [],
    });
    expect(outcome).toEqual({
      applied: 0,
      failed: true,
      cancelled: false,
      sentence: `There is no topic named ${missing} on this cluster.`,
    });
    expect((await readLiveTopics(cluster.id)).has(never)).toBe(false);
    expect(await topicAudit(missing)).toEqual([expect.objectContaining({ outcome: "error" })]);
    expect(await topicAudit(never)).toEqual([]);
  });

  it("stops before the next step once cancelled", async () => {
    const controller = new AbortController();
    const [first, second] = [`${prefix}-cancel-1`, `${prefix}-cancel-2`];
    const step = (topicName: string) => ({
      kind: "create" as const,
      topicName,
      partitions: 1,
      replicationFactor: 1,
      configs: {},
    });
    const outcome = await applyPlan(
      { actor: await actorAs("operator") },
      cluster.id,
      { steps: [step(first), step(second)], refusals: [] },
      {
        signal: controller.signal,
        onProgress: (event) => {
          if (event.kind === "step" && event.status === "done") controller.abort();
        },
      },
    );
    expect(outcome).toEqual({ applied: 1, failed: false, cancelled: true, sentence: null });
    const live = await readLiveTopics(cluster.id);
    expect([live.has(first), live.has(second)]).toEqual([true, false]);
  });

  it("lets a viewer read definitions but not save or apply them", async () => {
    await expect(viewer.definitions.list({ clusterId: cluster.id, search: prefix })).resolves.not.toHaveLength(0);
    await expect(
      viewer.definitions.save({ clusterId: cluster.id, definition: definition(`${prefix}-viewer`) }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // The permission middleware refuses the subscription before it yields anything.
    await expect(operator.definitions.applyPlan({ clusterId: cluster.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(viewer.definitions.applyPlan({ clusterId: cluster.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses to apply on a read-only cluster, with the sentence, before Kafka is asked", async () => {
    await setClusterReadOnly(cluster.id, true);
    try {
      await expect(collect(await admin.definitions.applyPlan({ clusterId: cluster.id }))).rejects.toMatchObject({
        message: expect.stringContaining("is read-only in Tributary"),
      });
    } finally {
      await setClusterReadOnly(cluster.id, false);
    }
  });

  it("lists definitions with their drift and searches by owner, tag and layer", async () => {
    await operator.definitions.save({
      clusterId: cluster.id,
      definition: definition(`${prefix}-tagged`, { owner: "ml-team", tags: ["gpu"], layer: "results" }),
    });
    const found = await operator.definitions.list({ clusterId: cluster.id, search: `ml-team gpu` });
    expect(found).toEqual([
      expect.objectContaining({
        topicName: `${prefix}-tagged`,
        layer: "results",
        drift: { state: "missing", fieldCount: 2 },
      }),
    ]);
    const inSync = await operator.definitions.list({ clusterId: cluster.id, search: grown });
    expect(inSync.map((summary) => summary.drift)).toEqual([{ state: "in-sync", fieldCount: 0 }]);
    const byLayer = await operator.definitions.list({ clusterId: cluster.id, layer: "results" });
    expect(byLayer.map((summary) => summary.topicName)).toEqual([`${prefix}-tagged`]);
  });

  it("removes a definition and keeps its topic", async () => {
    await operator.definitions.remove({ clusterId: cluster.id, topicName: grown });
    expect(await operator.definitions.get({ clusterId: cluster.id, topicName: grown })).toBeNull();
    expect((await readLiveTopics(cluster.id, [grown])).get(grown)).toMatchObject({ partitions: 4 });
    await expect(operator.definitions.remove({ clusterId: cluster.id, topicName: grown })).rejects.toMatchObject({
      message: `There is no definition for ${grown}.`,
    });
  });

  it("renames a definition and refuses a rename onto another definition", async () => {
    await operator.definitions.save({
      clusterId: cluster.id,
      definition: definition(`${prefix}-renamed`, { partitions: 3 }),
      previousTopicName: fixed,
    });
    expect(await operator.definitions.get({ clusterId: cluster.id, topicName: fixed })).toBeNull();
    const detail = await operator.definitions.get({ clusterId: cluster.id, topicName: `${prefix}-renamed` });
    expect(detail).toMatchObject({ drift: { state: "missing" }, driftFailure: null });
    await expect(
      operator.definitions.save({
        clusterId: cluster.id,
        definition: definition(created),
        previousTopicName: `${prefix}-renamed`,
      }),
    ).rejects.toMatchObject({ message: `${created} already has a definition.` });
  });

  it("lists definitions with drift unknown and Kafka's sentence while the cluster does not answer; removing the cluster removes them", async () => {
    // Nothing listens on port 1.
    const down = await upsertClusterByName(`${prefix}-down`, "127.0.0.1:1");
    try {
      await operator.definitions.save({ clusterId: down.id, definition: definition(`${prefix}-far`) });
      const [summary] = await operator.definitions.list({ clusterId: down.id });
      expect(summary?.drift).toEqual({ state: "unknown", fieldCount: 0, sentence: expect.stringMatching(/\S/) });
      const detail = await operator.definitions.get({ clusterId: down.id, topicName: `${prefix}-far` });
      expect(detail).toMatchObject({ drift: null, driftFailure: summary?.drift.sentence });
    } finally {
      await deleteClusterRecord(down.id);
    }
    expect(await listDefinitions(down.id)).toEqual([]);
  });
});
