import "server-only";
import { env } from "~/env";
import { AppError } from "~/lib/app-error";
import { listDeployments } from "~/server/db/pipeline-deployments";
import { deleteStepSamplesBefore, insertStepSamples, type TStepSample } from "~/server/db/pipeline-step-samples";
import { startWorker } from "~/server/workers/worker-registry";
import { LAG_PRUNE_EVERY_MS } from "../../groups/lag-retention";
import { MemberRateTracker } from "./member-rates";
import { readSteps } from "./read-overlay";

export const STEP_SAMPLES_WORKER = "pipelines.step-samples";
/** Each sample is the average over this interval (member totals 10 s apart). */
export const STEP_SAMPLE_INTERVAL_MS = 10_000;
const DAY_MS = 86_400_000;

/** The sampler's own memory of member totals: its rates span a whole interval, not the overlay's last second. */
const samplerTracker = new MemberRateTracker();
let lastPrunedAt: number | null = null;

/**
 * One pass: for every deployment that should run, each step's rates since the previous pass and its
 * group's lag, one row per step. A deployment seen for the first time only primes the rates (a
 * first row of zeros would draw a dip that never happened). A deployment whose cluster cannot be
 * read is skipped until it can; only PostgreSQL failing fails the pass. Returns the rows stored.
 */
export async function sampleStepsOnce(tracker: MemberRateTracker = samplerTracker): Promise<number> {
  await pruneStepSamplesIfDue();
  const samples: TStepSample[] = [];
  for (const deployment of await listDeployments()) {
    if (deployment.desiredState !== "running") continue;
    const isFirst = !tracker.knows(deployment.id);
    let steps;
    try {
      ({ steps } = await readSteps(deployment, tracker));
    } catch (error) {
      if (error instanceof AppError && error.code !== "DATABASE_UNREACHABLE") continue;
      throw error;
    }
    if (isFirst) continue;
    const at = new Date();
    for (const { runtime } of steps.values()) {
      samples.push({
        pipelineId: deployment.pipelineId,
        nodeId: runtime.nodeId,
        at,
        inRate: runtime.inRate,
        outRate: runtime.outRate,
        deadLetterRate: runtime.deadLetterRate,
        lag: runtime.lag,
      });
    }
  }
  return insertStepSamples(samples);
}

/** Step history is kept as long as lag history (LAG_HISTORY_DAYS), pruned at start and then hourly. */
async function pruneStepSamplesIfDue(now = Date.now()): Promise<void> {
  if (lastPrunedAt !== null && now - lastPrunedAt < LAG_PRUNE_EVERY_MS) return;
  await deleteStepSamplesBefore(new Date(now - env.LAG_HISTORY_DAYS * DAY_MS));
  lastPrunedAt = now;
}

/** Started once at boot (src/instrumentation.ts); on one web server at a time (a lease). */
export function startStepSamples(): void {
  startWorker({
    name: STEP_SAMPLES_WORKER,
    description: "Stores each deployed pipeline step's throughput and lag every 10 s, for the step charts.",
    intervalMs: STEP_SAMPLE_INTERVAL_MS,
    scope: "one-server",
    runOnce: async () => {
      await sampleStepsOnce();
    },
  });
}
