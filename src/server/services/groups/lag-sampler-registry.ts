import "server-only";
import { env } from "~/env";
import { listClusters } from "../clusters/registered-clusters";
import { createLagSampler, type TLagSampler } from "./lag-sampler";
import { startLagRetention } from "./lag-retention";

/**
 * One lag sampler per registered cluster, each a one-server worker of the registry (its lease makes
 * several web servers on one database sample a cluster once). On `globalThis` so that Next's dev
 * reloads keep one sampler per cluster, not one per reload.
 */
const samplersKey = Symbol.for("tributary.lag.samplers");
const bootKey = Symbol.for("tributary.lag.bootStarted");
type GlobalWithSamplers = typeof globalThis & { [samplersKey]?: Map<string, TLagSampler>; [bootKey]?: boolean };
const holder = globalThis as GlobalWithSamplers;
const samplers = (holder[samplersKey] ??= new Map<string, TLagSampler>());

/**
 * The cluster's lag sampler, started on first use (a cluster registered after boot gets one the
 * first time its lag history is asked for) and kept for the life of the server.
 */
export function ensureLagSampler(clusterId: string): TLagSampler {
  const existing = samplers.get(clusterId);
  if (existing && !existing.isStopped()) return existing;
  const created = createLagSampler({
    clusterId,
    intervalMs: env.LAG_SAMPLE_SECONDS * 1_000,
    onGone: () => {
      if (samplers.get(clusterId) === created) samplers.delete(clusterId);
    },
  });
  samplers.set(clusterId, created);
  return created;
}

/**
 * Starts a sampler for every registered cluster (registering the default one first), so that a
 * chart opens with history, and the hourly retention. Called once at boot; while the database does
 * not answer it retries with back-off rather than failing the server.
 */
export function startLagSamplers(): void {
  if (holder[bootKey]) return;
  holder[bootKey] = true;
  startLagRetention();
  let failures = 0;
  const attempt = async () => {
    try {
      for (const cluster of await listClusters()) ensureLagSampler(cluster.id);
    } catch (error) {
      failures += 1;
      if (failures === 1) console.warn("Lag sampling could not list the registered clusters; retrying.", error);
      setTimeout(() => void attempt(), Math.min(60_000, 1_000 * 2 ** failures)).unref();
    }
  };
  void attempt();
}

/** Ids of the clusters sampled now (tests and diagnostics). */
export function activeLagSamplers(): string[] {
  return [...samplers.entries()].filter(([, sampler]) => !sampler.isStopped()).map(([id]) => id);
}

export function stopAllLagSamplers(): void {
  for (const sampler of samplers.values()) sampler.stop();
  samplers.clear();
}
