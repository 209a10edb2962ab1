import "server-only";
import type { ClusterTarget } from "~/server/kafka/client-registry";
import { createThroughputSampler, type TThroughputSampler } from "./throughput-sampler";

/**
 * Every 5 s: fine enough to see a burst, coarse enough that one Metadata + two ListOffsets per
 * leader broker stay negligible for the cluster, and 60 minutes fit in 720 points per partition.
 */
export const SAMPLE_INTERVAL_MS = 5_000;

/** On `globalThis` so that Next's dev reloads keep the running samplers and their history. */
const samplersKey = Symbol.for("tributary.throughput.samplers");
type GlobalWithSamplers = typeof globalThis & { [samplersKey]?: Map<string, TThroughputSampler> };
const samplers = ((globalThis as GlobalWithSamplers)[samplersKey] ??= new Map<string, TThroughputSampler>());

/**
 * The cluster's sampler, started on first use and kept running for the life of the server so that a
 * chart opens with history. A cluster re-registered with other brokers gets a fresh sampler.
 */
export function throughputSamplerFor(target: ClusterTarget): TThroughputSampler {
  const existing = samplers.get(target.id);
  if (existing && existing.target.bootstrapServers === target.bootstrapServers) return existing;
  existing?.stop();
  const created = createThroughputSampler({
    target: { id: target.id, bootstrapServers: target.bootstrapServers },
    intervalMs: SAMPLE_INTERVAL_MS,
  });
  samplers.set(target.id, created);
  return created;
}

export function stopAllThroughputSamplers(): void {
  for (const sampler of samplers.values()) sampler.stop();
  samplers.clear();
}
