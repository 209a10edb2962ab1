import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TCluster } from "~/domain/cluster";
import { stepGroupId } from "~/domain/pipelines/runtime/naming";
import type { TRuntimeOverlay } from "~/domain/pipelines/runtime/runtime-dto";
import { getDb } from "~/server/db/client";
import { deleteClusterRecord, upsertClusterByName } from "~/server/db/clusters";
import { writeDeployment } from "~/server/db/pipeline-deployments";
import { listMembers, registerRunner, reportHeartbeat, type TMemberReport } from "~/server/db/pipeline-runners";
import { findStepSamples } from "~/server/db/pipeline-step-samples";
import { insertPipeline } from "~/server/db/pipelines";
import { disconnectAllClusters, withAdmin, withProducer } from "~/server/kafka/client-registry";
import { createTopic } from "~/server/kafka/topics/create-topic";
import { callerAs } from "../../../../test/caller-as";
import { chainDocument } from "../../../../test/pipeline-fixtures";
import { MemberRateTracker } from "./overlay/member-rates";
import { sampleStepsOnce } from "./overlay/step-samples-worker";

/**
 * The overlay over member rows as a runner writes them (registerRunner, then heartbeats with growing
 * totals), a real step group's committed offsets and a real input topic: rates, edge rates, lag,
 * idle instances, a gone runner, the step history.
 */
const viewer = callerAs("viewer");
const brokers = inject("kafkaBrokers");
const prefix = `int-overlay-${Date.now().toString(36)}`;
const topics = { raw: `${prefix}-raw`, hot: `${prefix}-hot`, dead: `${prefix}-dead` };
const document = chainDocument(prefix, `Overlay ${prefix}`);
const runners = { live: `${prefix}-r1`, gone: `${prefix}-r2` };
let cluster: TCluster;
let ref: { clusterId: string; pipelineId: string };
let deploymentId = "";

function report(
  instance: number,
  partitions: number[],
  totals: { consumed: number; produced: number; deadLettered: number },
): TMemberReport {
  return {
    deploymentId,
    nodeId: "keep-hot",
    instance,
    revision: 1,
    state: "running",
    reason: null,
    memberId: `member-${instance}`,
    partitions,
    ...totals,
    portCounts: { out: totals.produced },
  };
}

/** Three instances on a two-partition input: the third holds nothing. */
const liveMembers = (scale: number) => [
  report(0, [0], { consumed: 100 * scale, produced: 40 * scale, deadLettered: 2 * scale }),
  report(1, [1], { consumed: 60 * scale, produced: 20 * scale, deadLettered: 0 }),
  report(2, [], { consumed: 0, produced: 0, deadLettered: 0 }),
];

beforeAll(async () => {
  cluster = await upsertClusterByName(`${prefix}-cluster`, brokers);
  await createTopic(
    cluster,
    { name: topics.raw, partitions: 2, replicationFactor: 1, configs: {} },
    { validateOnly: false },
  );
  await createTopic(
    cluster,
    { name: topics.hot, partitions: 1, replicationFactor: 1, configs: {} },
    { validateOnly: false },
  );
  const pipeline = await insertPipeline(cluster.id, document, "create", "vitest");
  ref = { clusterId: cluster.id, pipelineId: pipeline.id };
  const deployment = await writeDeployment({
    pipelineId: pipeline.id,
    clusterId: cluster.id,
    slug: prefix,
    revision: 1,
    document,
    deployedBy: "vitest",
  });
  deploymentId = deployment.id;
  await registerRunner({ id: runners.live, host: "host-live", pid: 101 });
  await registerRunner({ id: runners.gone, host: "host-gone", pid: 102 });
});

afterAll(async () => {
  await getDb().pipelineRunner.deleteMany({ where: { id: { in: Object.values(runners) } } });
  await withAdmin(cluster, (admin) => admin.deleteTopics({ topics: [topics.raw, topics.hot] }));
  await withAdmin(cluster, (admin) => admin.deleteGroups([stepGroupId(prefix, "keep-hot")])).catch(() => undefined);
  await disconnectAllClusters();
  await deleteClusterRecord(cluster.id);
});

describe("the live overlay", () => {
  it("shows rates from the growth of the members' totals, on the step and its edges, with idle instances", async () => {
    await reportHeartbeat(runners.live, liveMembers(1));
    const [before] = await listMembers(deploymentId);
    const controller = new AbortController();
    const events: AsyncIterable<TRuntimeOverlay> = await callerAs("viewer", {
      signal: controller.signal,
    }).runtime.watch(ref);
    const iterator = events[Symbol.asyncIterator]();
    try {
      // The first picture primes the rates; then the runner reports again with larger totals.
      const first = await iterator.next();
      expect(first.value?.steps["keep-hot"]?.state).toBe("running");
      await reportHeartbeat(runners.live, liveMembers(3));
      const [after] = await listMembers(deploymentId);
      const seconds = (after!.updatedAt.getTime() - before!.updatedAt.getTime()) / 1000;
      let overlay: TRuntimeOverlay | undefined;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        if ((next.value.steps["keep-hot"]?.inRate ?? 0) > 0) {
          overlay = next.value;
          break;
        }
      }
      const step = overlay!.steps["keep-hot"]!;
      expect(step.inRate).toBeCloseTo((160 * 2) / seconds, 6);
      expect(step.outRate).toBeCloseTo((60 * 2) / seconds, 6);
      expect(step.deadLetterRate).toBeCloseTo(4 / seconds, 6);
      expect(step).toMatchObject({ consumed: 480, produced: 180, deadLettered: 6, inputPartitions: 2 });
      expect(overlay!.edges).toEqual({
        "raw-keep-hot": { rate: step.inRate },
        "keep-hot-hot": { rate: step.outRate },
      });
      expect(overlay!.deadLetter).toEqual({ topic: topics.dead, rate: step.deadLetterRate, total: 6 });
      expect(step.instances.map((instance) => [instance.instance, instance.partitions, instance.idle])).toEqual([
        [0, [0], false],
        [1, [1], false],
        [2, [], true],
      ]);
      expect(step.idleReason).toBe(
        `1 of 3 instances is idle: the input topic ${topics.raw} has 2 partitions, and Kafka gives each partition to one member of the group. Add partitions or run fewer instances.`,
      );
    } finally {
      controller.abort();
      await iterator.return?.();
    }
  });

  it("shows the group's lag on its input topic", async () => {
    await withProducer(cluster, (producer) =>
      producer.send({
        topic: topics.raw,
        messages: Array.from({ length: 5 }, (_, index) => ({ partition: 0, value: `{"value":${index}}` })),
      }),
    );
    await withAdmin(cluster, (admin) =>
      admin.setOffsets({
        groupId: stepGroupId(prefix, "keep-hot"),
        topic: topics.raw,
        partitions: [{ partition: 0, offset: "2" }],
      }),
    );
    const overlay = await viewer.runtime.status(ref);
    expect(overlay.steps["keep-hot"]?.lag).toBe(3);
  });

  it("shows the members of a runner whose heartbeat stopped as gone, not running", async () => {
    await reportHeartbeat(runners.live, liveMembers(3));
    await reportHeartbeat(runners.gone, [
      { ...report(0, [], { consumed: 5, produced: 5, deadLettered: 0 }), state: "failed", reason: "Out of memory." },
    ]);
    await getDb().pipelineRunner.update({
      where: { id: runners.gone },
      data: { heartbeatAt: new Date(Date.now() - 60_000) },
    });
    const overlay = await viewer.runtime.status(ref);
    const step = overlay.steps["keep-hot"]!;
    expect(step.instances.find((instance) => instance.runnerId === runners.gone)).toMatchObject({
      gone: true,
      runnerHost: "host-gone",
    });
    // A gone member's failure is not the step's: the live members still run it.
    expect(step.state).toBe("running");
    expect(overlay.runners.find((runner) => runner.id === runners.gone)).toMatchObject({ gone: true, members: 1 });
    const listed = await viewer.runtime.runners();
    expect(listed.find((runner) => runner.id === runners.live)).toMatchObject({
      gone: false,
      members: 3,
      host: "host-live",
    });
  });

  it("answers for a pipeline never deployed with no deployment and no steps", async () => {
    const other = await insertPipeline(cluster.id, chainDocument(`${prefix}-x`, `Never ${prefix}`), "create", "vitest");
    const overlay = await viewer.runtime.status({ clusterId: cluster.id, pipelineId: other.id });
    expect(overlay).toMatchObject({ deployment: null, steps: {}, edges: {}, deadLetter: null });
  });
});

describe("the step history", () => {
  it("stores a row per step from the second sampling pass on, and serves it as the step's history", async () => {
    const tracker = new MemberRateTracker();
    const from = new Date(Date.now() - 1_000);
    await sampleStepsOnce(tracker);
    expect(await findStepSamples(ref.pipelineId, "keep-hot", from)).toEqual([]);
    await reportHeartbeat(runners.live, liveMembers(5));
    await sampleStepsOnce(tracker);
    const history = await viewer.runtime.history({ ...ref, nodeId: "keep-hot", minutes: 5 });
    expect(history).toHaveLength(1);
    expect(history[0]!.inRate).toBeGreaterThan(0);
    expect(history[0]!.lag).toBe(3);
  });
});
