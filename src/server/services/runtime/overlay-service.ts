import "server-only";
import { setTimeout as delay } from "node:timers/promises";
import type { z } from "zod";
import { RUNNER_HEARTBEAT_MS } from "~/domain/pipelines/runtime/naming";
import type { TRunnerDto, TRuntimeOverlay, TStepSamplePoint } from "~/domain/pipelines/runtime/runtime-dto";
import type { ZDeploymentRef, ZStepHistoryInput } from "~/domain/pipelines/runtime/runtime-requests";
import { AppError } from "~/lib/app-error";
import { countMembersByRunner } from "~/server/db/pipeline-member-counts";
import { listRunners } from "~/server/db/pipeline-runners";
import { findStepSamples } from "~/server/db/pipeline-step-samples";
import { SharedPolls } from "~/server/live/shared-polls";
import { MemberRateTracker } from "./overlay/member-rates";
import { readOverlay } from "./overlay/read-overlay";
import { toRunnerDto } from "./overlay/runner-views";

type TDeploymentRef = z.infer<typeof ZDeploymentRef>;

/** How often an open pipeline page sees fresh states, rates and lag; slower while a read fails. */
export const OVERLAY_POLL_MS = 1_000;
const FAILING_POLL_MS = 3_000;
/** A snapshot without known rates waits this long for every runner to report once more. */
const SECOND_READ_AFTER_MS = RUNNER_HEARTBEAT_MS + 250;

/** Member totals seen by every overlay read of this process (polls and snapshots alike). */
const tracker = new MemberRateTracker();

type TPolled = { overlay: TRuntimeOverlay | null; error: AppError | null };

const overlayKey = (ref: TDeploymentRef) => `${ref.clusterId}\0${ref.pipelineId}`;

async function tick(key: string, previous: TPolled | undefined): Promise<{ value: TPolled; nextInMs: number }> {
  const [clusterId = "", pipelineId = ""] = key.split("\0");
  try {
    const { overlay } = await readOverlay({ clusterId, pipelineId }, tracker);
    return { value: { overlay, error: null }, nextInMs: OVERLAY_POLL_MS };
  } catch (error) {
    const appError =
      error instanceof AppError ? error : new AppError("INTERNAL", "Reading the pipeline's runtime failed.");
    return { value: { overlay: previous?.overlay ?? null, error: appError }, nextInMs: FAILING_POLL_MS };
  }
}

const overlayPolls = new SharedPolls<TPolled>(tick);

/**
 * The live picture now: step states, rates, lag, instances and partitions, the dead-letter edge.
 * Rates need two reports of each member: when this process has not read the deployment before
 * (no page watches it), the snapshot reads twice, one heartbeat apart — about 2 s.
 */
export async function runtimeOverlay(ref: TDeploymentRef): Promise<TRuntimeOverlay> {
  const first = await readOverlay(ref, tracker);
  if (!first.primed) return first.overlay;
  await delay(SECOND_READ_AFTER_MS);
  return (await readOverlay(ref, tracker)).overlay;
}

/**
 * The overlay about once a second; one shared poll per pipeline however many pages watch. While a
 * read fails the last overlay is repeated (its `at` tells its age); with none to repeat, the
 * subscription ends with the sentence.
 */
export async function* watchRuntimeOverlay(ref: TDeploymentRef, signal?: AbortSignal): AsyncGenerator<TRuntimeOverlay> {
  for await (const { overlay, error } of overlayPolls.subscribe(overlayKey(ref), signal)) {
    if (overlay) yield overlay;
    else if (error) throw error;
  }
}

/** Pipelines with a running overlay poll (tests and diagnostics). */
export function activeOverlayWatches(): string[] {
  return overlayPolls.activeKeys();
}

export async function stepHistory(input: z.infer<typeof ZStepHistoryInput>): Promise<TStepSamplePoint[]> {
  return findStepSamples(input.pipelineId, input.nodeId, new Date(Date.now() - input.minutes * 60_000));
}

/** Runners not stopped, and those stopped within the hour, with how many step members each runs. */
export async function listRunnerDtos(): Promise<TRunnerDto[]> {
  const [runners, counts] = await Promise.all([listRunners(), countMembersByRunner()]);
  const now = Date.now();
  return runners.map((runner) => toRunnerDto(runner, counts.get(runner.id) ?? 0, now));
}
