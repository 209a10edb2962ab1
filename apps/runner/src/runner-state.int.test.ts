import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import type { TCluster } from "~/domain/cluster";
import { ZPipelineDocument, type TPipelineDocument } from "~/domain/pipelines/document";
import { jsonataCompiler } from "~/domain/pipelines/engine/jsonata-host";
import { memoryStateStore } from "~/domain/pipelines/engine/memory-state";
import { runDocument } from "~/domain/pipelines/engine/run-document";
import { changelogTopic, stepGroupId } from "~/domain/pipelines/runtime/naming";
import type { TStepHost, TStepRecord } from "~/domain/pipelines/step-types";
import { deleteClusterRecord, upsertClusterByName } from "~/server/db/clusters";
import { setDesiredState, type TDeploymentRow } from "~/server/db/pipeline-deployments";
import { disconnectAllClusters } from "~/server/kafka/client-registry";
import { deleteGroup } from "~/server/kafka/groups/offsets-admin";
import { startRunner, type TRunner } from "./runner";
import { createTopics, deleteTopics, deployNew, produce, readTopic, type TReadRecord } from "./runner.test-support";

/**
 * A z-score step keeps a rolling window per stream id in its changelog topic: a runner stopped
 * half-way and a new runner started on the rest must score every record exactly as one
 * uninterrupted run of the same step over the same input does (the dry run's engine, in memory),
 * in both delivery modes (exactly-once writes the changelog in the batch's transaction).
 */
const brokers = inject("kafkaBrokers");
const prefix = `int-runner-state-${Date.now().toString(36)}`;
const MODES = ["at-least-once", "exactly-once"] as const;
type TMode = (typeof MODES)[number];
const topicsOf = (mode: TMode) => ({ raw: `${prefix}.${mode}.raw`, scored: `${prefix}.${mode}.scored` });
const KEYS = 4;
const FIRST_HALF = 120;
const SECOND_HALF = 80;
const ZSCORE = { type: "zscore", field: "value", windowSize: 30, threshold: 2 } as const;

let cluster: TCluster;
const deployments: TDeploymentRow[] = [];
const runners: TRunner[] = [];

/** Readings that wander (a fixed sequence, so a failure can be rerun as it was). */
const reading = (seq: number) => ({ seq, value: Math.round(50 + 20 * Math.sin(seq * 1.7) + (seq % 11)) });
const records = (from: number, count: number) =>
  Array.from({ length: count }, (_, offset) => {
    const seq = from + offset;
    return { key: `server-${seq % KEYS}-cpu`, value: JSON.stringify(reading(seq)) };
  });

function scoringPipeline(mode: TMode): TPipelineDocument {
  const at = { x: 0, y: 0 };
  const topics = topicsOf(mode);
  return ZPipelineDocument.parse({
    name: `${prefix} ${mode}`,
    settings: { startFrom: "earliest", deliveryMode: mode },
    nodes: [
      { id: "raw", kind: "topic", position: at, config: { topicName: topics.raw } },
      { id: "score", kind: "model", position: at, config: { method: ZSCORE, outputField: "zscore" } },
      { id: "scored", kind: "topic", position: at, config: { topicName: topics.scored } },
    ],
    edges: [
      { id: "raw-score", source: "raw", target: "score" },
      { id: "score-scored", source: "score", target: "scored" },
    ],
  });
}

beforeAll(async () => {
  cluster = await upsertClusterByName(`${prefix}-cluster`, brokers);
});

// Each case's runner and deployment stop with it, so that the next case's runner runs only its own.
afterEach(async () => {
  for (const runner of runners.splice(0)) await runner.stop();
  for (const deployment of deployments) await setDesiredState(deployment.pipelineId, "stopped");
});

afterAll(async () => {
  for (const deployment of deployments) {
    await deleteGroup(cluster, stepGroupId(deployment.slug, "score")).catch(() => undefined);
    await deleteTopics(cluster, [changelogTopic(deployment.slug, "score")]);
  }
  await deleteTopics(
    cluster,
    MODES.flatMap((mode) => Object.values(topicsOf(mode))),
  );
  await disconnectAllClusters();
  await deleteClusterRecord(cluster.id);
});

/** The scores one uninterrupted in-memory run of the same document gives each reading, by seq. */
async function uninterruptedScores(mode: TMode, raw: TReadRecord[]): Promise<Map<number, unknown>> {
  const host: TStepHost = {
    compile: jsonataCompiler(null),
    state: memoryStateStore(),
    table: () => new Map(),
    validate: () => null,
    model: () => Promise.reject(new Error("no models here")),
  };
  const input: TStepRecord[] = raw.map((record) => ({
    key: record.key,
    value: JSON.parse(record.value!) as unknown,
    timestamp: 0,
    headers: {},
    topic: topicsOf(mode).raw,
    partition: record.partition,
    offset: String(record.offset),
  }));
  const run = await runDocument(scoringPipeline(mode), [{ topic: topicsOf(mode).raw, records: input }], () => host);
  return scoresBySeq(run.outputs.map((output) => output.record.value as { seq: number; zscore: unknown }));
}

function scoresBySeq(values: readonly { seq: number; zscore: unknown }[]): Map<number, unknown> {
  return new Map(values.map((value) => [value.seq, value.zscore]));
}

describe.each(MODES)("a stateful step across a runner restart (%s)", (mode) => {
  it("scores the records after the restart with the window restored from its changelog", async () => {
    const topics = topicsOf(mode);
    await createTopics(cluster, Object.values(topics), 2);
    deployments.push(await deployNew(cluster, scoringPipeline(mode)));
    const scoredCount = async () => (await readTopic(cluster, topics.scored)).length;
    await produce(cluster, topics.raw, records(0, FIRST_HALF));
    runners.push(await startRunner());
    // A ceiling, not a timing claim: on a broker started a moment ago the first join may be
    // refused while the coordinator loads its groups, and the member tries again after 5 s.
    await expect.poll(scoredCount, { timeout: 45_000 }).toBe(FIRST_HALF);
    await runners.pop()!.stop();

    await produce(cluster, topics.raw, records(FIRST_HALF, SECOND_HALF));
    runners.push(await startRunner());
    await expect.poll(scoredCount).toBe(FIRST_HALF + SECOND_HALF);

    const scored = await readTopic(cluster, topics.scored);
    const actual = scoresBySeq(scored.map((record) => JSON.parse(record.value!) as { seq: number; zscore: unknown }));
    const expected = await uninterruptedScores(mode, await readTopic(cluster, topics.raw));
    // Each reading once (a graceful stop commits what it wrote), each with the uninterrupted run's mean, deviation and z.
    expect(actual.size).toBe(FIRST_HALF + SECOND_HALF);
    // Right after the restart each stream's window is full already (30 readings per stream before it).
    expect(expected.get(FIRST_HALF)).toMatchObject({ mean: expect.any(Number), z: expect.any(Number) });
    for (let seq = FIRST_HALF; seq < FIRST_HALF + SECOND_HALF; seq++) {
      expect({ seq, score: actual.get(seq) }).toEqual({ seq, score: expected.get(seq) });
    }
  }, 90_000);
});
