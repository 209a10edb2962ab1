import "server-only";
import { toLagSample } from "~/domain/groups/lag-series";
import type { TLagSample } from "~/domain/groups/lag-history-dto";
import { AppError } from "~/lib/app-error";
import { insertLagSamples } from "~/server/db/lag-samples";
import { listGroups } from "~/server/kafka/groups/describe-groups";
import { getCluster } from "../clusters/registered-clusters";
import { snapshotGroups } from "./group-snapshots";
import type { TWorkerScope } from "~/domain/workers";
import { startWorker, stopWorker } from "~/server/workers/worker-registry";

/**
 * Groups per snapshot: one DescribeGroups and one watermark read per chunk, and at most this many
 * OffsetFetch requests in flight, so a cluster with thousands of groups does not open them all at once.
 */
const GROUPS_PER_CHUNK = 500;

export type TLagPass = {
  clusterId: string;
  /** When the pass began, epoch ms. */
  startedAt: number;
  /** Groups the cluster listed. */
  listed: number;
  /** Rows stored: groups with at least one committed offset whose lag could be read. */
  stored: number;
  durationMs: number;
};

/**
 * One sampling pass: lists the cluster's consumer groups, reads their committed offsets and the
 * partitions' log-end offsets with the group list's own snapshot machinery, and stores one row per
 * group. Integration tests call it directly instead of waiting for the interval.
 */
export async function sampleLagOnce(clusterId: string): Promise<TLagPass> {
  const startedAt = Date.now();
  const cluster = await getCluster(clusterId);
  const listed = await listGroups(cluster);
  const samples: TLagSample[] = [];
  for (let index = 0; index < listed.length; index += GROUPS_PER_CHUNK) {
    const { details } = await snapshotGroups(cluster, listed.slice(index, index + GROUPS_PER_CHUNK));
    for (const detail of details) {
      const sample = toLagSample(detail);
      // Every row of a pass carries the instant the pass began: one pass, one time, whichever group.
      if (sample) samples.push({ ...sample, sampledAt: startedAt });
    }
  }
  const stored = await insertLagSamples(cluster.id, samples);
  return { clusterId: cluster.id, startedAt, listed: listed.length, stored, durationMs: Date.now() - startedAt };
}

/** Wait after the n-th failure in a row: the interval, doubling, up to a minute (or the interval, if longer). */
export function lagRetryDelayMs(consecutiveFailures: number, intervalMs: number): number {
  return Math.min(intervalMs * 2 ** Math.max(0, consecutiveFailures - 1), Math.max(intervalMs, 60_000));
}

/** NOT_FOUND can also mean a topic deleted during the pass; only a missing cluster ends a sampler. */
async function isUnregistered(clusterId: string): Promise<boolean> {
  return getCluster(clusterId).then(
    () => false,
    (error: unknown) => error instanceof AppError && error.code === "NOT_FOUND",
  );
}

export type TLagPassOutcome = { ok: true; pass: TLagPass } | { ok: false; message: string; retryInMs: number };

export type TLagSampler = {
  readonly clusterId: string;
  readonly intervalMs: number;
  /** The worker's name in the registry (and its lease's). */
  readonly workerName: string;
  /** Resolves after the next pass, successful or not (tests await it instead of sleeping). */
  nextPass(): Promise<TLagPassOutcome>;
  isStopped(): boolean;
  stop(): void;
};

type TLagSamplerOptions = {
  clusterId: string;
  intervalMs: number;
  /** Called once when the sampler stops by itself (its cluster is no longer registered). */
  onGone?: () => void;
  /** one-server (the default): one web server samples a cluster, however many share the database. */
  scope?: TWorkerScope;
  /** Replaceable in tests. */
  sample?: (clusterId: string) => Promise<TLagPass>;
};

export const lagSamplerName = (clusterId: string) => `groups.lag-sampler.${clusterId}`;

/**
 * Samples every `intervalMs` for as long as it runs, as a worker of the registry (on one web server
 * at a time). Passes never overlap (a slow pass delays the next one). A failed pass — Kafka or
 * PostgreSQL down — is retried with back-off and logged once, not per attempt; the chart shows the
 * missing samples as a gap. Retention is a worker of its own (lag-retention.ts).
 */
export function createLagSampler({
  clusterId,
  intervalMs,
  onGone,
  scope = "one-server",
  sample = sampleLagOnce,
}: TLagSamplerOptions): TLagSampler {
  const workerName = lagSamplerName(clusterId);
  let waiters: ((outcome: TLagPassOutcome) => void)[] = [];
  let stopped = false;
  let failures = 0;

  const settle = (outcome: TLagPassOutcome) => {
    const settled = waiters;
    waiters = [];
    for (const resolve of settled) resolve(outcome);
  };

  async function runOnce(): Promise<void | "finished"> {
    try {
      const pass = await sample(clusterId);
      if (failures > 0) console.info(`Lag sampling of cluster ${clusterId} works again.`);
      failures = 0;
      settle({ ok: true, pass });
    } catch (error) {
      failures += 1;
      const appError = error instanceof AppError ? error : null;
      const message = appError?.message ?? "Sampling consumer-group lag failed.";
      settle({ ok: false, message, retryInMs: lagRetryDelayMs(failures, intervalMs) });
      // The cluster was unregistered: nothing to sample any more (a new registration starts a new sampler).
      if (appError?.code === "NOT_FOUND" && (await isUnregistered(clusterId))) {
        stopped = true;
        onGone?.();
        return "finished";
      }
      if (failures === 1)
        console.warn(`Lag sampling of cluster ${clusterId} failed: ${message} Retrying.`, appError?.cause ?? error);
      throw new Error(message, { cause: error });
    }
  }

  startWorker({
    name: workerName,
    description: `Stores the lag of every consumer group of cluster ${clusterId} every ${intervalMs / 1000} s.`,
    intervalMs,
    scope,
    logsItsFailures: true,
    retryDelayMs: (consecutiveFailures) => lagRetryDelayMs(consecutiveFailures, intervalMs),
    runOnce,
  });

  return {
    clusterId,
    intervalMs,
    workerName,
    nextPass: () => new Promise((resolve) => waiters.push(resolve)),
    isStopped: () => stopped,
    stop() {
      stopped = true;
      void stopWorker(workerName);
    },
  };
}
