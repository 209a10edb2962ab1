/** Overlays for the runtime view's unit tests, over the seeds' template chain (raw → clean → model → anomalies). */
import { PIPELINE_TEMPLATES } from "~/domain/pipelines/templates";
import type { TRunnerDto, TRuntimeOverlay, TStepInstance, TStepRuntime } from "~/domain/pipelines/runtime/runtime-dto";

export const chain = PIPELINE_TEMPLATES.find((template) => template.id === "telemetry-anomalies")!.document(
  "Anomalies",
);

export const NOW = new Date("2027-01-05T10:00:00Z");

export function runner(id: string, host: string, pid: number, extra: Partial<TRunnerDto> = {}): TRunnerDto {
  return {
    id,
    host,
    pid,
    startedAt: new Date(NOW.getTime() - 60_000),
    heartbeatAt: new Date(NOW.getTime() - 1_000),
    stoppedAt: null,
    gone: false,
    members: 1,
    ...extra,
  };
}

export function instance(
  runnerId: string,
  runnerHost: string,
  partitions: number[],
  extra: Partial<TStepInstance> = {},
): TStepInstance {
  return {
    runnerId,
    runnerHost,
    instance: 0,
    memberId: `${runnerId}-member`,
    state: "running",
    reason: null,
    partitions,
    idle: partitions.length === 0,
    gone: false,
    ...extra,
  };
}

export function step(nodeId: string, extra: Partial<TStepRuntime> = {}): TStepRuntime {
  return {
    nodeId,
    groupId: `tributary.anomalies.${nodeId}`,
    state: "running",
    reason: null,
    revision: 3,
    inRate: 1200,
    outRate: 1180,
    deadLetterRate: 0,
    consumed: 10_000,
    produced: 9_900,
    deadLettered: 0,
    lag: 42,
    inputPartitions: 6,
    instances: [instance("r1", "runner-a", [0, 2, 4]), instance("r2", "runner-b", [1, 3, 5])],
    idleReason: null,
    ...extra,
  };
}

export function overlay(extra: Partial<TRuntimeOverlay> = {}): TRuntimeOverlay {
  return {
    pipelineId: "p1",
    at: NOW,
    deployment: {
      pipelineId: "p1",
      clusterId: "c1",
      slug: "anomalies",
      revision: 3,
      desiredState: "running",
      generation: 1,
      deployedAt: new Date(NOW.getTime() - 120_000),
      deployedBy: "Ada",
    },
    steps: { "clean-1": step("clean-1"), "model-1": step("model-1") },
    edges: { "edge-1": { rate: 1200 }, "edge-2": { rate: 1180 }, "edge-3": { rate: 0 }, "edge-4": { rate: 3.5 } },
    deadLetter: { topic: "telemetry.dead-letter", rate: 0, total: 0 },
    runners: [runner("r1", "runner-a", 11), runner("r2", "runner-b", 12)],
    ...extra,
  };
}
