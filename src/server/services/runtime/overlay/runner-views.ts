import "server-only";
import { RUNNER_GONE_AFTER_MS } from "~/domain/pipelines/runtime/naming";
import type { TRunnerDto } from "~/domain/pipelines/runtime/runtime-dto";
import type { TRunnerRow } from "~/server/db/pipeline-runners";
import type { TRunnerView } from "./step-runtime";

/** A runner that has not stopped but whose heartbeat is older than RUNNER_GONE_AFTER_MS: killed, hung or cut off. */
export function isGone(runner: TRunnerRow, now: number): boolean {
  return runner.stoppedAt === null && now - runner.heartbeatAt.getTime() > RUNNER_GONE_AFTER_MS;
}

export function toRunnerDto(runner: TRunnerRow, members: number, now: number): TRunnerDto {
  return { ...runner, gone: isGone(runner, now), members };
}

/** How the overlay sees each runner's members: a stopped runner's members are as gone as a silent one's. */
export function runnerViews(runners: readonly TRunnerRow[], now: number): Map<string, TRunnerView> {
  return new Map(
    runners.map((runner) => [runner.id, { host: runner.host, gone: runner.stoppedAt !== null || isGone(runner, now) }]),
  );
}
