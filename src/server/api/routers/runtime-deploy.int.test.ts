import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TCluster } from "~/domain/cluster";
import type { TTopicDefinitionInput } from "~/domain/definitions/definition";
import { describePlanStep } from "~/domain/definitions/plan";
import type { TPipelineDocument } from "~/domain/pipelines/document";
import type { TPipelineDetail } from "~/domain/pipelines/pipeline-dto";
import type { TDeployEvent } from "~/domain/pipelines/runtime/deploy-progress";
import { changelogTopic, stepGroupId } from "~/domain/pipelines/runtime/naming";
import { listAuditEvents } from "~/server/db/audit";
import { deleteClusterRecord, setClusterReadOnly, upsertClusterByName } from "~/server/db/clusters";
import { disconnectAllClusters, withAdmin, withProducer } from "~/server/kafka/client-registry";
import { commitGroupOffsets, readGroupMembership } from "~/server/kafka/groups/offsets-admin";
import { createTopic } from "~/server/kafka/topics/create-topic";
import { callerAs } from "../../../../test/caller-as";
import { chainDocument, refusal } from "../../../../test/pipeline-fixtures";

const operator = callerAs("operator");
const viewer = callerAs("viewer");
const brokers = inject("kafkaBrokers");
const prefix = `int-deploy-${Date.now().toString(36)}`;
/** The seeds' chain under this run's own topic names (other tests may use telemetry.*). */
const topics = {
  raw: `${prefix}.raw`,
  clean: `${prefix}.clean`,
  anomalies: `${prefix}.anomalies`,
  dead: `${prefix}.dead-letter`,
};
/** A second chain, all four topics only defined: its deploy is cancelled after the first. */
const cancelledTopics = {
  raw: `${prefix}-c.raw`,
  clean: `${prefix}-c.clean`,
  anomalies: `${prefix}-c.anomalies`,
  dead: `${prefix}-c.dead-letter`,
};
let cluster: TCluster;
const createdTopics = new Set<string>([...Object.values(topics), ...Object.values(cancelledTopics)]);

function definition(topicName: string, overrides: Partial<TTopicDefinitionInput>): TTopicDefinitionInput {
  return { topicName, owner: "telemetry-team", partitions: 2, replicationFactor: 1, layer: "raw", ...overrides };
}

beforeAll(async () => {
  cluster = await upsertClusterByName(`${prefix}-cluster`, brokers);
  // A brand-new broker creates __consumer_offsets on the first FindCoordinator and elects its 50
  // leaders a moment later; the plan would then (rightly) say the offsets are unknown.
  // (expect.poll is for tests; each attempt waits on kafkajs's own retries, not a sleep.)
  for (let attempt = 0; attempt < 30; attempt += 1) {
    const ready = await readGroupMembership(cluster, `${prefix}-warm-up`).then(
      () => true,
      () => false,
    );
    if (ready) break;
  }
  // The simulator's raw topic exists already, with 3 records in each of its 2 partitions.
  await createTopic(
    cluster,
    { name: topics.raw, partitions: 2, replicationFactor: 1, configs: {} },
    { validateOnly: false },
  );
  await withProducer(cluster, (producer) =>
    producer.send({
      topic: topics.raw,
      messages: [0, 0, 0, 1, 1, 1].map((partition, index) => ({ partition, key: `server-${index}-cpu`, value: "{}" })),
    }),
  );
  const key = { keyDescription: "stream id, e.g. server-1-cpu" };
  for (const input of [topics, cancelledTopics].flatMap((chain) => [
    definition(chain.raw, { layer: "raw", ...key }),
    definition(chain.clean, { layer: "clean", ...key }),
    definition(chain.anomalies, { layer: "results", partitions: 1, ...key }),
    definition(chain.dead, { layer: "raw", partitions: 1 }),
  ])) {
    await operator.definitions.save({ clusterId: cluster.id, definition: input });
  }
});

afterAll(async () => {
  await withAdmin(cluster, async (admin) => {
    const existing = new Set(await admin.listTopics());
    await admin.deleteTopics({ topics: [...createdTopics].filter((name) => existing.has(name)) });
  });
  await deleteClusterRecord(cluster.id);
  await disconnectAllClusters();
});

const ref = (pipeline: TPipelineDetail) => ({ clusterId: cluster.id, pipelineId: pipeline.id });

function renamed(document: TPipelineDocument, chain: typeof topics): TPipelineDocument {
  const names: Record<string, string> = {
    "telemetry.raw": chain.raw,
    "telemetry.clean": chain.clean,
    "telemetry.anomalies": chain.anomalies,
  };
  return {
    ...document,
    settings: { ...document.settings, deadLetterTopic: chain.dead },
    nodes: document.nodes.map((node) =>
      node.kind === "topic"
        ? { ...node, config: { ...node.config, topicName: names[node.config.topicName] ?? node.config.topicName } }
        : node,
    ),
  };
}

/** The seeds' template over this run's topics, saved and marked ready. */
async function readySeedsChain(name: string, chain = topics): Promise<TPipelineDetail> {
  const created = await operator.pipelines.create({ clusterId: cluster.id, name, template: "telemetry-anomalies" });
  const saved = await operator.pipelines.save({
    ...ref(created),
    baseVersion: created.version,
    document: renamed(created.document, chain),
    cause: "save",
  });
  return operator.pipelines.setStatus({ ...ref(saved), baseVersion: saved.version, status: "ready" });
}

type TDeployInput = { clusterId: string; pipelineId: string; revision: number };

/** Every event of one `runtime.deploy`, as the dialog receives them; `onEvent` may abort `signal`. */
async function deployEvents(
  input: TDeployInput,
  options: { signal?: AbortSignal; onEvent?: (event: TDeployEvent) => void } = {},
): Promise<TDeployEvent[]> {
  const caller = options.signal ? callerAs("operator", { signal: options.signal }) : operator;
  const events: TDeployEvent[] = [];
  for await (const event of await caller.runtime.deploy(input)) {
    events.push(event);
    options.onEvent?.(event);
  }
  return events;
}

/** The deployment a deploy ends with (its last event), or its refusal. */
async function deploy(input: TDeployInput) {
  const last = (await deployEvents(input)).at(-1);
  if (last?.kind !== "finished" || !last.deployment)
    throw new Error(`expected a deployment, got ${JSON.stringify(last)}`);
  return last.deployment;
}

/** A new revision whose z-score threshold differs: only the model step's fingerprint changes. */
async function withNewThreshold(pipeline: TPipelineDetail): Promise<TPipelineDetail> {
  const document: TPipelineDocument = {
    ...pipeline.document,
    nodes: pipeline.document.nodes.map((node) =>
      node.kind === "model" && node.config.method.type === "zscore"
        ? { ...node, config: { ...node.config, method: { ...node.config.method, threshold: 4 } } }
        : node,
    ),
  };
  return operator.pipelines.save({ ...ref(pipeline), baseVersion: pipeline.version, document, cause: "save" });
}

describe("runtime.plan, runtime.deploy", () => {
  let pipeline: TPipelineDetail;
  let slug = "";

  it("plans the seeds' chain: topic creates, the z-score's changelog topic, groups starting at latest", async () => {
    pipeline = await readySeedsChain(`${prefix} seeds`);
    slug = `${prefix}-seeds`;
    const changelog = changelogTopic(slug, "model-1");
    createdTopics.add(changelog);
    const plan = await viewer.runtime.plan(ref(pipeline));
    expect(plan).toMatchObject({
      pipelineId: pipeline.id,
      revision: pipeline.revision,
      deployedRevision: null,
      refusals: [],
      removedSteps: [],
    });
    expect(plan.topics.steps.map(describePlanStep)).toEqual([
      // The definitions' plan in their order (by name), then the changelog topic.
      `Create ${topics.anomalies} with 1 partition and replication factor 1`,
      `Create ${topics.clean} with 2 partitions and replication factor 1`,
      `Create ${topics.dead} with 1 partition and replication factor 1`,
      `Create ${changelog} with 2 partitions, replication factor 1 and 1 config`,
    ]);
    expect(plan.topics.steps.at(-1)).toMatchObject({ configs: { "cleanup.policy": "compact" } });
    expect(plan.groups).toEqual([
      {
        nodeId: "clean-1",
        groupId: stepGroupId(slug, "clean-1"),
        inputTopic: topics.raw,
        exists: false,
        restarts: true,
        changelogTopic: null,
        partitions: [0, 1].map((partition) => ({
          partition,
          committed: null,
          startsAt: "at the latest offset 3 (no committed offset; start position: latest)",
        })),
      },
      {
        nodeId: "model-1",
        groupId: stepGroupId(slug, "model-1"),
        inputTopic: topics.clean,
        exists: false,
        restarts: true,
        changelogTopic: changelog,
        partitions: [0, 1].map((partition) => ({
          partition,
          committed: null,
          startsAt: "at offset 0 (this deploy creates the topic)",
        })),
      },
    ]);
  });

  it("deploys step by step, in order, ending with the deployment at generation 1 and one audit row", async () => {
    const events = await deployEvents({ ...ref(pipeline), revision: pipeline.revision });
    const changelog = changelogTopic(slug, "model-1");
    const [listed, ...rest] = events;
    expect(listed).toEqual({
      kind: "steps",
      steps: [
        { part: "topic", description: `Create ${topics.anomalies} with 1 partition and replication factor 1` },
        { part: "topic", description: `Create ${topics.clean} with 2 partitions and replication factor 1` },
        { part: "topic", description: `Create ${topics.dead} with 1 partition and replication factor 1` },
        { part: "changelog", description: `Create ${changelog} with 2 partitions, replication factor 1 and 1 config` },
        {
          part: "offsets",
          description: `Commit where ${stepGroupId(slug, "clean-1")} starts on ${topics.raw}: the end of the log, on each partition it has no offset for`,
        },
        {
          part: "offsets",
          description: `Commit where ${stepGroupId(slug, "model-1")} starts on ${topics.clean}: the end of the log, on each partition it has no offset for`,
        },
        {
          part: "deployment",
          description: `Write the deployment of revision ${pipeline.revision}, so runners start its steps`,
        },
      ],
    });
    // Each step runs, then is done: step k of 7, in order.
    expect(
      rest.slice(0, -1).map((event) => (event.kind === "step" ? [event.index, event.total, event.status] : event.kind)),
    ).toEqual(
      [0, 1, 2, 3, 4, 5, 6].flatMap((index) => [
        [index, 7, "running"],
        [index, 7, "done"],
      ]),
    );
    const finished = events.at(-1);
    expect(finished).toMatchObject({ kind: "finished", applied: 7, failed: false, cancelled: false, sentence: null });
    const deployment = finished?.kind === "finished" ? finished.deployment : null;
    expect(deployment).toMatchObject({
      pipelineId: pipeline.id,
      clusterId: cluster.id,
      slug,
      revision: pipeline.revision,
      desiredState: "running",
      generation: 1,
      deployedBy: "Test operator",
    });
    const live = await withAdmin(cluster, (admin) => admin.listTopics());
    expect(live).toEqual(expect.arrayContaining([topics.clean, topics.anomalies, topics.dead, changelog]));
    const configs = await withAdmin(cluster, (admin) =>
      admin.describeConfigs({
        includeSynonyms: false,
        resources: [{ type: 2, name: changelog, configNames: ["cleanup.policy"] }],
      }),
    );
    expect(configs.resources[0]?.configEntries[0]?.configValue).toBe("compact");

    const [row] = await listAuditEvents({ clusterId: cluster.id, action: "pipeline.deploy", take: 1 });
    expect(row).toMatchObject({
      target: `${prefix} seeds`,
      outcome: "ok",
      details: { revision: pipeline.revision, restarts: ["clean-1", "model-1"] },
    });
    const topicRows = await listAuditEvents({ clusterId: cluster.id, action: "topic.create", take: 10 });
    expect(topicRows.map((audit) => audit.target).sort()).toEqual([topics.anomalies, topics.clean, topics.dead].sort());

    // Deployed as planned: the plan now has nothing to create and nothing to restart.
    const again = await viewer.runtime.plan(ref(pipeline));
    expect(again.deployedRevision).toBe(pipeline.revision);
    expect(again.topics.steps).toEqual([]);
    expect(again.groups.map((group) => group.restarts)).toEqual([false, false]);
    // Each new group starts where the plan said, pinned at deploy time: records written before a
    // member joins are not skipped.
    expect(
      again.groups.map((group) => [group.exists, group.partitions.map((partition) => partition.startsAt)]),
    ).toEqual([
      [true, ["at committed offset 3 — caught up", "at committed offset 3 — caught up"]],
      [true, ["at committed offset 0 — caught up", "at committed offset 0 — caught up"]],
    ]);
  });

  it("stops before the next step once cancelled: no deployment, and a sentence of what was done", async () => {
    const stopped = await readySeedsChain(`${prefix} cancelled`, cancelledTopics);
    createdTopics.add(changelogTopic(`${prefix}-cancelled`, "model-1"));
    const controller = new AbortController();
    const events = await deployEvents(
      { ...ref(stopped), revision: stopped.revision },
      {
        signal: controller.signal,
        onEvent: (event) => {
          if (event.kind === "step" && event.status === "done") controller.abort();
        },
      },
    );
    const sentence = "Cancelled after 1 of 4 topic changes; nothing was deployed. Deploy again to finish.";
    expect(events.at(-1)).toEqual({
      kind: "finished",
      applied: 1,
      failed: false,
      cancelled: true,
      sentence,
      deployment: null,
    });
    // Only the first step ran: one topic exists, the deployment was never written, so no runner starts.
    const live = new Set(await withAdmin(cluster, (admin) => admin.listTopics()));
    expect(Object.values(cancelledTopics).map((name) => live.has(name))).toEqual([false, false, true, false]);
    expect((await viewer.runtime.plan(ref(stopped))).deployedRevision).toBeNull();
    const [row] = await listAuditEvents({ clusterId: cluster.id, action: "pipeline.deploy", take: 1 });
    expect(row).toMatchObject({ target: `${prefix} cancelled`, outcome: "error", reason: sentence });
  });

  it("stops as well when the stream is closed mid-way, as a browser that leaves, and audits what was done", async () => {
    // The same topics: the cancelled deploy above created the first of them.
    const closed = await readySeedsChain(`${prefix} closed`, cancelledTopics);
    createdTopics.add(changelogTopic(`${prefix}-closed`, "model-1"));
    for await (const event of await operator.runtime.deploy({ ...ref(closed), revision: closed.revision })) {
      if (event.kind === "step" && event.status === "done") break;
    }
    expect((await viewer.runtime.plan(ref(closed))).deployedRevision).toBeNull();
    const [row] = await listAuditEvents({ clusterId: cluster.id, action: "pipeline.deploy", take: 1 });
    expect(row).toMatchObject({
      target: `${prefix} closed`,
      outcome: "error",
      reason: "Cancelled after 1 of 3 topic changes; nothing was deployed. Deploy again to finish.",
    });
  });

  it("shows where a group with committed offsets starts", async () => {
    const groupId = stepGroupId(slug, "clean-1");
    await commitGroupOffsets(cluster, groupId, topics.raw, [{ partition: 0, offset: 1n }]);
    const plan = await viewer.runtime.plan(ref(pipeline));
    const group = plan.groups.find((candidate) => candidate.nodeId === "clean-1");
    expect(group?.exists).toBe(true);
    expect(group?.partitions).toEqual([
      { partition: 0, committed: "1", startsAt: "at committed offset 1 — 2 records behind" },
      { partition: 1, committed: "3", startsAt: "at committed offset 3 — caught up" },
    ]);
  });

  it("refuses a revision that is no longer the newest, then redeploys restarting only the changed step", async () => {
    const shown = pipeline.revision;
    pipeline = await withNewThreshold(pipeline);
    expect(await refusal(deploy({ ...ref(pipeline), revision: shown }))).toEqual({
      code: "CONFLICT",
      message: `Revision ${shown} is no longer the newest: Test operator saved revision ${pipeline.revision} since this plan was shown.`,
    });

    const plan = await viewer.runtime.plan(ref(pipeline));
    expect(plan).toMatchObject({ revision: pipeline.revision, deployedRevision: shown, refusals: [] });
    expect(plan.groups.map((group) => [group.nodeId, group.restarts])).toEqual([
      ["clean-1", false],
      ["model-1", true],
    ]);
    const deployment = await deploy({ ...ref(pipeline), revision: pipeline.revision });
    expect(deployment).toMatchObject({ revision: pipeline.revision, generation: 2, slug });
  });

  it("stops and resumes, each bumping the generation, audited", async () => {
    const stopped = await operator.runtime.stop(ref(pipeline));
    expect(stopped).toMatchObject({ desiredState: "stopped", generation: 3, revision: pipeline.revision });
    const resumed = await operator.runtime.resume(ref(pipeline));
    expect(resumed).toMatchObject({ desiredState: "running", generation: 4 });
    const rows = await listAuditEvents({ clusterId: cluster.id, take: 2 });
    expect(rows.map((audit) => [audit.action, audit.outcome, audit.target])).toEqual([
      ["pipeline.resume", "ok", `${prefix} seeds`],
      ["pipeline.stop", "ok", `${prefix} seeds`],
    ]);
    expect(await refusal(viewer.runtime.stop(ref(pipeline)))).toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("refusals", () => {
  it("refuses a draft that breaks a rule, with the rule's sentence, and changes nothing", async () => {
    const created = await operator.pipelines.create({ clusterId: cluster.id, name: `${prefix} draft` });
    const draft = await operator.pipelines.save({
      ...ref(created),
      baseVersion: created.version,
      document: chainDocument(prefix, `${prefix} draft`, { cycle: true }),
      cause: "save",
    });
    const plan = await viewer.runtime.plan(ref(draft));
    const cycle = plan.refusals.find((sentence) => /cycle|loop|round/i.test(sentence));
    expect(plan.refusals[0]).toBe(
      `Revision ${draft.revision} is a draft: mark the pipeline ready to deploy first (the switch above the canvas).`,
    );
    expect(cycle).toBeDefined();
    const refused = await refusal(deploy({ ...ref(draft), revision: draft.revision }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toContain(cycle);
    const rows = await listAuditEvents({ clusterId: cluster.id, action: "pipeline.deploy", take: 10 });
    expect(rows.some((audit) => audit.target === `${prefix} draft`)).toBe(false);
  });

  it("refuses a topic that neither exists nor has a definition, naming it", async () => {
    const created = await operator.pipelines.create({ clusterId: cluster.id, name: `${prefix} undefined` });
    const document = chainDocument(`${prefix}-nowhere`, `${prefix} undefined`);
    const saved = await operator.pipelines.save({
      ...ref(created),
      baseVersion: created.version,
      document,
      cause: "save",
    });
    const plan = await viewer.runtime.plan(ref(saved));
    expect(plan.refusals).toContain(
      `Define ${prefix}-nowhere-raw first, or create it: the pipeline uses it, but it does not exist in the cluster and has no definition to create it from.`,
    );
  });

  it("lists a read-only cluster among the plan's refusals (the plan itself is a read)", async () => {
    const readOnly = await upsertClusterByName(`${prefix}-read-only`, brokers);
    try {
      const created = await operator.pipelines.create({ clusterId: readOnly.id, name: `${prefix} read-only` });
      await setClusterReadOnly(readOnly.id, true);
      const plan = await viewer.runtime.plan({ clusterId: readOnly.id, pipelineId: created.id });
      expect(plan.refusals[0]).toBe(
        `The cluster ${readOnly.name} is read-only in Tributary, so it cannot be changed from here.`,
      );
    } finally {
      await deleteClusterRecord(readOnly.id);
    }
  });

  it("says a pipeline that was never deployed cannot be stopped", async () => {
    const created = await operator.pipelines.create({ clusterId: cluster.id, name: `${prefix} never` });
    expect(await refusal(operator.runtime.stop(ref(created)))).toEqual({
      code: "NOT_FOUND",
      message: `${prefix} never has never been deployed.`,
    });
  });
});
