/** What the `runtime.*` procedures return: deployments, plans, the live overlay, runners, history. */
import type { TPlan } from "../../definitions/plan";

export const STEP_STATES = ["starting", "running", "failed", "stopped"] as const;
export type TStepState = (typeof STEP_STATES)[number];

export const DESIRED_STATES = ["running", "stopped"] as const;
export type TDesiredState = (typeof DESIRED_STATES)[number];

export type TDeploymentDto = {
  pipelineId: string;
  clusterId: string;
  slug: string;
  revision: number;
  desiredState: TDesiredState;
  generation: number;
  deployedAt: Date;
  deployedBy: string;
};

/** Where one partition of a step's group starts reading when the step starts. */
export type TGroupPartitionStart = {
  partition: number;
  /** The group's committed offset, as an int64 string; null when none. */
  committed: string | null;
  /** A sentence: "at committed offset 1,204 (312 behind)", "at the latest offset 9,000", … */
  startsAt: string;
};

export type TDeployGroupPlan = {
  nodeId: string;
  groupId: string;
  inputTopic: string | null;
  /** The group exists in Kafka already (a redeploy or an earlier deployment under this name). */
  exists: boolean;
  partitions: TGroupPartitionStart[];
  /** Restarts on this deploy (its definition changed, or it is new); unchanged steps keep running. */
  restarts: boolean;
  /** Per-key state kept in this changelog topic, or null. */
  changelogTopic: string | null;
};

/** What a deploy will do, shown before it is applied. */
export type TDeployPlan = {
  pipelineId: string;
  /** The revision that would be deployed (the pipeline's newest). */
  revision: number;
  /** The revision running now, or null when never deployed. */
  deployedRevision: number | null;
  /** Sentences that refuse the deploy (rules broken, pipeline not ready, topics the plan cannot make). */
  refusals: string[];
  /** Topics to create or change from their definitions (the definitions' own plan), plus changelog topics. */
  topics: TPlan;
  groups: TDeployGroupPlan[];
  /** Node ids of steps removed by this deploy (their groups stop; their offsets stay in Kafka). */
  removedSteps: string[];
};

/** One member of a step's group, as its runner last reported it. */
export type TStepInstance = {
  runnerId: string;
  runnerHost: string;
  instance: number;
  memberId: string | null;
  state: TStepState;
  reason: string | null;
  partitions: number[];
  /** Holds no partition: more members than the input topic has partitions. */
  idle: boolean;
  /** Its runner's heartbeat stopped (older than RUNNER_GONE_AFTER_MS). */
  gone: boolean;
};

export type TStepRuntime = {
  nodeId: string;
  groupId: string;
  /** The step as a whole: failed if any live member failed, running if any runs, … */
  state: TStepState;
  reason: string | null;
  revision: number | null;
  /** Records per second read, written, dead-lettered (over the last second or so). */
  inRate: number;
  outRate: number;
  deadLetterRate: number;
  /** Totals since the members started. */
  consumed: number;
  produced: number;
  deadLettered: number;
  /** The group's total lag in messages; null when unknown. */
  lag: number | null;
  inputPartitions: number | null;
  instances: TStepInstance[];
  /** The seeds' sentence when some instances are idle, else null. */
  idleReason: string | null;
};

export type TRunnerDto = {
  id: string;
  host: string;
  pid: number;
  startedAt: Date;
  heartbeatAt: Date;
  stoppedAt: Date | null;
  gone: boolean;
  members: number;
};

/** The live picture drawn over the graph, pushed about once a second. */
export type TRuntimeOverlay = {
  pipelineId: string;
  at: Date;
  deployment: TDeploymentDto | null;
  steps: Record<string, TStepRuntime>;
  /** Records per second on each edge of the deployed document, by edge id. */
  edges: Record<string, { rate: number }>;
  deadLetter: { topic: string; rate: number; total: number } | null;
  runners: TRunnerDto[];
};

export type TStepSamplePoint = {
  at: Date;
  inRate: number;
  outRate: number;
  deadLetterRate: number;
  lag: number | null;
};

/** A record of the dead-letter topic, shown as text (payloads are untrusted). */
export type TDeadLetterRecord = {
  partition: number;
  offset: string;
  timestamp: Date;
  key: string | null;
  value: string | null;
  error: string | null;
  step: string | null;
  revision: number | null;
  source: { topic: string; partition: number; offset: string } | null;
};

export type TReplayResult = { replayed: number; inputTopic: string };
