import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TCluster } from "~/domain/cluster";
import type { TPipelineDocument } from "~/domain/pipelines/document";
import type { TDryRunResult } from "~/domain/pipelines/pipeline-dto";
import { getDb } from "~/server/db/client";
import { deleteClusterRecord, upsertClusterByName } from "~/server/db/clusters";
import { disconnectAllClusters, withProducer } from "~/server/kafka/client-registry";
import { createTopic } from "~/server/kafka/topics/create-topic";
import { forgetTopicSchemas } from "~/server/services/messages/schemas/topic-schema";
import { actorAs, callerAs } from "../../../../test/caller-as";
import { enrichPipeline, filterPipeline, mapPipeline, telemetryChain } from "./dry-run/pipelines.test-support";
import { typedStepRecords } from "./dry-run/step-records";
import { closeDryRunPool, dryRunPool } from "./dry-run/worker-pool";

/**
 * The dry run on real records of a real topic: read without a consumer group, run in the worker
 * process, reported per node and edge. Telemetry in the seeds' shape: one stream (server-1-cpu)
 * of steady readings with one spike, and one malformed record.
 */
const viewer = callerAs("viewer");
const operator = callerAs("operator");
const brokers = inject("kafkaBrokers");
const prefix = `int-dryrun-${Date.now().toString(36)}`;
const topics = { raw: `${prefix}-raw`, clean: `${prefix}-clean`, results: `${prefix}-results`, dead: `${prefix}-dead` };
const ZSCORE = { type: "zscore", field: "value", windowSize: 20, threshold: 3 } as const;
const SPIKE = 97.5;
/** 30 readings around 50, the spike as the 26th, then the malformed record. */
const READINGS = Array.from({ length: 30 }, (_, index) => (index === 25 ? SPIKE : 50 + (index % 3) - 1));
const MALFORMED = "{ this is not json";
let cluster: TCluster;

const recordCount = READINGS.length + 1;
const allRecords = {
  type: "range",
  topic: topics.raw,
  partition: 0,
  fromOffset: "0",
  toOffset: String(recordCount - 1),
} as const;

function dryRun(document: TPipelineDocument): Promise<TDryRunResult> {
  return viewer.pipelines.dryRun({ clusterId: cluster.id, document, source: { type: "latest", perTopic: 200 } });
}

beforeAll(async () => {
  cluster = await upsertClusterByName(`${prefix}-cluster`, brokers);
  for (const name of Object.values(topics)) {
    await createTopic(cluster, { name, partitions: 1, replicationFactor: 1, configs: {} }, { validateOnly: false });
  }
  const now = Date.now();
  await withProducer(cluster, async (producer) => {
    await producer.send({
      topic: topics.raw,
      messages: [
        ...READINGS.map((value, index) => ({
          key: "server-1-cpu",
          // The value as text for some, as a number for others: the clean step coerces both.
          value: JSON.stringify({
            server: "server-1",
            metric: "cpu",
            value: index % 2 ? String(value) : value,
            unit: "percent",
          }),
          timestamp: String(now - (READINGS.length - index) * 1000),
        })),
        { key: "server-1-cpu", value: MALFORMED, timestamp: String(now) },
      ],
    });
  });
});

afterAll(async () => {
  closeDryRunPool();
  await disconnectAllClusters();
  await deleteClusterRecord(cluster.id);
});

describe("the dry run on real messages", () => {
  it("cleans, scores and dead-letters the records of a topic, and reports each node and edge", async () => {
    const result = await dryRun(telemetryChain(topics, ZSCORE));

    expect(result.stoppedEarly).toBeNull();
    expect(result.inputs).toEqual([
      { topic: topics.raw, records: recordCount, fromOffsets: { 0: "0" }, toOffsets: { 0: String(recordCount - 1) } },
    ]);
    expect(result.nodes.clean).toMatchObject({ received: recordCount, emitted: READINGS.length, deadLettered: 1 });
    expect(result.deadLetters).toHaveLength(1);
    expect(result.deadLetters[0]).toMatchObject({ nodeId: "clean", record: { value: MALFORMED } });
    expect(result.deadLetters[0]!.reason).toMatch(/\w+ \w+/);

    // Every value left the clean step as a number, and the shape on its edge says so.
    const cleaned = result.edges["clean-to-clean-topic"]!;
    expect(cleaned.count).toBe(READINGS.length);
    expect(cleaned.shape).toMatchObject({
      type: "object",
      properties: { value: { type: expect.stringMatching(/number|integer/) } },
    });

    // The z-score flags the spike and nothing else.
    const scored = result.edges["score-to-results"]!;
    expect(scored.count).toBe(READINGS.length);
    const flags = scored.records.map((record) => {
      const value = record.value as { value: number; model: { anomaly: boolean } };
      return { value: value.value, anomaly: value.model.anomaly };
    });
    expect(flags.filter((flag) => flag.anomaly)).toEqual([{ value: SPIKE, anomaly: true }]);
    expect(scored.shape).toMatchObject({ properties: { model: { type: "object" } } });

    const audit = await getDb().auditEvent.findFirst({
      where: { actor: (await actorAs("viewer")).id, action: "pipelines.dry-run", target: topics.raw },
    });
    expect(audit).toMatchObject({ outcome: "ok", clusterId: cluster.id });
  });

  it("reports values that do not fit the output topic's value schema on the step that wrote them", async () => {
    await getDb().topicDefinition.create({
      data: {
        clusterId: cluster.id,
        topicName: topics.results,
        layer: "results",
        owner: "ml-team",
        partitions: 1,
        replicationFactor: 1,
        configs: {},
        schemaFormat: "json",
        produceValidation: "refuse",
        createdBy: "test",
        updatedBy: "test",
        schemaVersions: {
          create: [
            {
              version: 1,
              format: "json",
              text: JSON.stringify({ type: "object", required: ["severity"] }),
              createdBy: "test",
            },
          ],
        },
      },
    });
    forgetTopicSchemas(cluster.id, topics.results);
    try {
      const result = await dryRun(telemetryChain(topics, ZSCORE));
      const scored = result.edges["score-to-results"]!;
      expect(scored.misfitCount).toBe(READINGS.length);
      expect(scored.schemaMisfits).toHaveLength(5);
      expect(scored.schemaMisfits[0]!.reason).toContain('"severity" is required but missing');
      expect(result.problems).toContainEqual(
        expect.objectContaining({ rule: "output-schema", nodeId: "score", edgeId: "score-to-results" }),
      );
      // The clean topic has no schema: nothing to report there.
      expect(result.edges["clean-to-clean-topic"]!.misfitCount).toBe(0);
    } finally {
      await getDb().topicDefinition.deleteMany({ where: { clusterId: cluster.id, topicName: topics.results } });
      forgetTopicSchemas(cluster.id, topics.results);
    }
  });

  it("joins with the latest value per key of a table topic, tombstones removing keys", async () => {
    const table = `${prefix}-servers`;
    await createTopic(
      cluster,
      { name: table, partitions: 1, replicationFactor: 1, configs: { "cleanup.policy": "compact" } },
      { validateOnly: false },
    );
    await withProducer(cluster, (producer) =>
      producer.send({
        topic: table,
        messages: [
          { key: "server-1-cpu", value: JSON.stringify({ rack: "r1" }) },
          { key: "server-1-cpu", value: JSON.stringify({ rack: "r2" }) },
          { key: "server-2-cpu", value: JSON.stringify({ rack: "r9" }) },
          { key: "server-2-cpu", value: null },
        ],
      }),
    );
    const result = await viewer.pipelines.dryRun({
      clusterId: cluster.id,
      document: enrichPipeline(topics.raw, table, topics.results),
      source: {
        type: "typed",
        topic: topics.raw,
        records: [
          { key: "server-1-cpu", value: '{"value": 1}' },
          { key: "server-2-cpu", value: '{"value": 2}' },
        ],
      },
    });
    expect(result.edges["join-to-results"]!.records.map((record) => record.value)).toEqual([
      { value: 1, server: { rack: "r2" } },
    ]);
    expect(result.deadLetters.map((letter) => letter.record.key)).toEqual(["server-2-cpu"]);
    // The table's records were read: one audit row, like a browse.
    const audit = await getDb().auditEvent.findFirst({ where: { action: "pipelines.dry-run", target: table } });
    expect(audit?.details).toMatchObject({ count: 4 });
  });

  it("runs typed records without reading Kafka", async () => {
    const result = await viewer.pipelines.dryRun({
      clusterId: cluster.id,
      document: telemetryChain(topics, ZSCORE),
      source: {
        type: "typed",
        topic: topics.raw,
        records: [
          { key: "k", value: '{"value": "12.5"}' },
          { key: "k", value: "nope" },
        ],
      },
    });
    expect(result.nodes.clean).toMatchObject({ received: 2, emitted: 1, deadLettered: 1 });
    expect(result.edges["clean-to-clean-topic"]!.records[0]!.value).toEqual({ value: 12.5 });
  });
});

describe("budgets, isolation and cancellation", () => {
  it("stops a recursion that never ends at its depth budget, with a sentence per record", async () => {
    const result = await dryRun(filterPipeline(topics.raw, topics.results, "($f := function($x){ $f($x) }; $f(1))"));
    expect(result.nodes.keep!.emitted).toBe(0);
    expect(result.deadLetters).toHaveLength(recordCount);
    expect(result.deadLetters[0]!.reason).toMatch(/budget/);
  });

  it("answers a catastrophic pattern at once (RE2) and refuses a backreference with a sentence", async () => {
    const linear = await dryRun(
      filterPipeline(topics.raw, topics.results, '$contains("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", /^(a|a)*$/)'),
    );
    expect(linear.stoppedEarly).toBeNull();
    expect(linear.nodes.keep).toMatchObject({ received: recordCount, emitted: 0 });

    const refused = await dryRun(filterPipeline(topics.raw, topics.results, "$contains(metric, /(c)\\1/)"));
    expect(refused.nodes.keep!.errors.join(" ")).toMatch(/RE2/);
  });

  it("stops a run that exhausts the worker's memory, and the server keeps answering", async () => {
    // Each output is kept for the report: two of 400 MB pass the worker's heap limit.
    const run = dryRun(mapPipeline(topics.raw, topics.results, '$pad("x", 400000000)'));
    await expect.poll(() => dryRunPool().busyWorkerPids().length).toBe(1);
    // The server's own process is free meanwhile: another procedure answers.
    const clusters = await viewer.clusters.list();
    expect(clusters.some((candidate) => candidate.id === cluster.id)).toBe(true);
    const result = await run;
    expect(result.stoppedEarly).toMatch(/memory|stopped/);
    expect(result.nodes).toEqual({});

    // The next run gets a fresh worker.
    const next = await dryRun(filterPipeline(topics.raw, topics.results, "value > 90"));
    expect(next.stoppedEarly).toBeNull();
  });

  it("kills the worker when the request is cancelled", async () => {
    const controller = new AbortController();
    const cancellable = callerAs("viewer", { signal: controller.signal });
    // Every record spins until jsonata's 250 ms budget: long enough to cancel mid-run.
    const slow = filterPipeline(topics.raw, topics.results, "$count([1..900000].($string($)))");
    const run = cancellable.pipelines.dryRun({
      clusterId: cluster.id,
      document: slow,
      source: { type: "latest", perTopic: 200 },
    });
    await expect.poll(() => dryRunPool().busyWorkerPids().length).toBe(1);
    const [pid] = dryRunPool().busyWorkerPids();
    controller.abort();
    // tRPC's caller may reject once its signal aborts; when it answers, the answer says why it stopped.
    const result = await run.catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
    if (!(result instanceof Error)) expect(result.stoppedEarly).toBe("The dry run was cancelled.");
    await expect.poll(() => isAlive(pid!)).toBe(false);
  });

  it("answers a preview while two slow runs hold their workers", async () => {
    const slow = filterPipeline(topics.raw, topics.results, "$count([1..900000].($string($)))");
    let runsDone = 0;
    const runs = [dryRun(slow), dryRun(slow)].map((run) => run.finally(() => (runsDone += 1)));
    await expect.poll(() => dryRunPool().busyWorkerPids().length).toBe(2);
    const preview = await viewer.pipelines.previewExpression({
      expression: "value",
      sample: '{"value": 1}',
      result: "value",
    });
    expect(preview).toEqual({ ok: true, resultJson: "1" });
    expect(runsDone).toBe(0);
    await Promise.all(runs);
  });

  it("stops a run at its wall-clock deadline with a sentence", async () => {
    const document = filterPipeline(topics.raw, topics.results, "value > 90");
    const records = typedStepRecords(
      topics.raw,
      Array.from({ length: 5_000 }, () => ({ key: "k", value: '{"value": 95}' })),
      0,
    );
    const outcome = await dryRunPool().run(
      {
        type: "dry-run",
        document,
        inputs: { sources: [{ topic: topics.raw, records }], tables: {}, schemas: {}, models: [] },
      },
      // Far shorter than sending 5,000 records to another process and running them takes.
      { deadlineMs: 1, what: "the dry run" },
    );
    expect(outcome).toEqual({ kind: "stopped", sentence: "The dry run was stopped after 1 ms, its time budget." });
  });
});

describe("comparing two revisions by their output", () => {
  it("lists the outputs that differ between two thresholds, and none for the same document", async () => {
    const created = await operator.pipelines.create({ clusterId: cluster.id, name: `${prefix} compare` });
    const strict = telemetryChain(topics, { ...ZSCORE, threshold: 1 }, `${prefix} compare`);
    const saved = await operator.pipelines.save({
      clusterId: cluster.id,
      pipelineId: created.id,
      baseVersion: created.version,
      document: telemetryChain(topics, ZSCORE, `${prefix} compare`),
      cause: "save",
    });
    const second = await operator.pipelines.save({
      clusterId: cluster.id,
      pipelineId: created.id,
      baseVersion: saved.version,
      document: strict,
      cause: "save",
    });
    const compare = (revisionA: number, revisionB: number) =>
      viewer.pipelines.compareRevisions({
        clusterId: cluster.id,
        pipelineId: created.id,
        revisionA,
        revisionB,
        source: allRecords,
      });

    const differing = await compare(second.revision - 1, second.revision);
    expect(differing.stoppedEarly).toBeNull();
    expect(differing.inputs[0]).toMatchObject({ topic: topics.raw, records: recordCount });
    const results = differing.topics.find((topic) => topic.topic === topics.results);
    expect(results).toMatchObject({ countA: READINGS.length, countB: READINGS.length });
    expect(results!.differ).toBeGreaterThan(0);
    expect(differing.differences.length).toBeGreaterThan(0);
    expect(differing.differences[0]!.topic).toBe(topics.results);

    const same = await compare(second.revision, second.revision);
    expect(same.topics.every((topic) => topic.differ === 0)).toBe(true);
    expect(same.differences).toEqual([]);
  });
});

describe("the JSONata preview", () => {
  it("evaluates on the sample, and places a syntax error", async () => {
    await expect(
      viewer.pipelines.previewExpression({ expression: "value * 2", sample: '{"value": 21}', result: "value" }),
    ).resolves.toEqual({ ok: true, resultJson: "42" });
    await expect(
      viewer.pipelines.previewExpression({ expression: "value > 20", sample: '{"value": 21}', result: "predicate" }),
    ).resolves.toEqual({ ok: true, resultJson: "true" });
    const broken = await viewer.pipelines.previewExpression({ expression: "value *", sample: "{}", result: "value" });
    expect(broken).toMatchObject({ ok: false, position: 7 });
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
