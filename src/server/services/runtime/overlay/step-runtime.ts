import "server-only";
import type { TDeployedStep } from "~/domain/pipelines/runtime/deployed-steps";
import type { TDesiredState, TStepInstance, TStepRuntime, TStepState } from "~/domain/pipelines/runtime/runtime-dto";
import type { TMemberRow } from "~/server/db/pipeline-runners";
import { NO_RATES, sumRates, type TMemberRates } from "./member-rates";

/** What the overlay knows of a runner: where it runs, and whether its heartbeat stopped. */
export type TRunnerView = { host: string; gone: boolean };

export type TStepInputs = {
  step: TDeployedStep;
  groupId: string;
  desiredState: TDesiredState;
  /** This step's member rows, from every runner. */
  members: readonly TMemberRow[];
  runners: ReadonlyMap<string, TRunnerView>;
  rates: ReadonlyMap<string, TMemberRates>;
  /** From Kafka: the group's total lag and the input topic's partition count; null when unknown. */
  lag: number | null;
  inputPartitions: number | null;
};

/** The step as the overlay draws it, and its members' summed rates (for the edges around it). */
export function stepRuntime(inputs: TStepInputs): { runtime: TStepRuntime; rates: TMemberRates } {
  const { step, members, runners, inputPartitions } = inputs;
  const instances = members.map((member): TStepInstance => {
    const runner = runners.get(member.runnerId);
    return {
      runnerId: member.runnerId,
      runnerHost: runner?.host ?? "unknown host",
      instance: member.instance,
      memberId: member.memberId,
      state: member.state,
      reason: member.reason,
      partitions: [...member.partitions].sort((a, b) => a - b),
      idle: false,
      // A runner that is no longer listed (stopped, its rows left behind) is as gone as a silent one.
      gone: runner?.gone ?? true,
    };
  });
  const live = members.filter((member) => runners.get(member.runnerId)?.gone === false);
  const liveInstances = instances.filter((instance) => !instance.gone);
  const idleCount = markIdle(liveInstances, inputPartitions);
  const rates = sumRates(live.map((member) => inputs.rates.get(member.id) ?? NO_RATES));
  const { state, reason } = stepState(inputs.desiredState, live, members.length > 0);
  return {
    runtime: {
      nodeId: step.nodeId,
      groupId: inputs.groupId,
      state,
      reason,
      revision: live.reduce<number | null>((newest, member) => Math.max(newest ?? 0, member.revision), null),
      inRate: rates.consumed,
      outRate: rates.produced,
      deadLetterRate: rates.deadLettered,
      consumed: sum(live.map((member) => member.consumed)),
      produced: sum(live.map((member) => member.produced)),
      deadLettered: sum(live.map((member) => member.deadLettered)),
      lag: inputs.lag,
      inputPartitions,
      instances,
      idleReason:
        idleCount > 0 && inputPartitions !== null && step.inputTopic !== null
          ? idleSentence(idleCount, liveInstances.length, step.inputTopic, inputPartitions)
          : null,
    },
    rates,
  };
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/**
 * The step as a whole. A stop wins; then the live members: one failed fails the step (its reason is
 * the one shown), else running, else starting. No live member: stopped, saying why.
 */
export function stepState(
  desiredState: TDesiredState,
  live: readonly Pick<TMemberRow, "state" | "reason">[],
  hasGoneMembers: boolean,
): { state: TStepState; reason: string | null } {
  if (desiredState === "stopped") return { state: "stopped", reason: null };
  const failed = live.find((member) => member.state === "failed");
  if (failed) return { state: "failed", reason: failed.reason ?? "A member of this step failed." };
  if (live.some((member) => member.state === "running")) return { state: "running", reason: null };
  if (live.some((member) => member.state === "starting")) return { state: "starting", reason: null };
  if (hasGoneMembers && live.length === 0) {
    return {
      state: "stopped",
      reason: "The runners of this step stopped reporting; start a runner (npm run runner) to carry on.",
    };
  }
  return { state: "stopped", reason: "No runner runs this step yet; start one with npm run runner." };
}

/**
 * Marks running members without a partition as idle when the others hold every partition of the
 * input topic: Kafka gives each partition to one member, so the rest wait. (A member without
 * partitions while some are unassigned is mid-rebalance, not idle.) Returns how many are idle.
 */
function markIdle(instances: TStepInstance[], inputPartitions: number | null): number {
  if (inputPartitions === null) return 0;
  const held = new Set(instances.flatMap((instance) => instance.partitions));
  if (held.size < inputPartitions) return 0;
  let idle = 0;
  for (const instance of instances) {
    if (instance.state !== "running" || instance.partitions.length > 0) continue;
    instance.idle = true;
    idle += 1;
  }
  return idle;
}

/** The seeds' sentence: why some instances of a step do nothing, and what to do about it. */
export function idleSentence(idle: number, instances: number, inputTopic: string, partitions: number): string {
  const are = idle === 1 ? "is" : "are";
  const partitionWord = partitions === 1 ? "partition" : "partitions";
  return (
    `${idle} of ${instances} instances ${are} idle: the input topic ${inputTopic} has ${partitions} ${partitionWord}, ` +
    "and Kafka gives each partition to one member of the group. Add partitions or run fewer instances."
  );
}
