import "server-only";
import type { ClusterTarget } from "~/server/kafka/client-registry";
import { registerResident } from "~/server/workers/worker-registry";
import { createThroughputSampler, HISTORY_MINUTES, type TThroughputSampler } from "./throughput-sampler";

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
  // Every server keeps its own (the history lives in memory, for the charts it serves): every-server work.
  const entry = registerResident({
    name: `topics.throughput ${target.id}`,
    description: `Reads the high watermark of every partition of cluster ${target.id} every ${SAMPLE_INTERVAL_MS / 1000} s for the produce-rate charts (${HISTORY_MINUTES} min in memory).`,
    stop: () => stopSampler(target.id),
  });
  const created = createThroughputSampler({
    target: { id: target.id, bootstrapServers: target.bootstrapServers },
    intervalMs: SAMPLE_INTERVAL_MS,
    onSample: (outcome) => entry.recordPass(outcome.ok ? undefined : new Error("Kafka did not answer this sample.")),
    onStop: () => entry.end(),
  });
  samplers.set(target.id, created);
  return created;
}

function stopSampler(clusterId: string): void {
  samplers.get(clusterId)?.stop();
  samplers.delete(clusterId);
}

export function stopAllThroughputSamplers(): void {
  for (const clusterId of [...samplers.keys()]) stopSampler(clusterId);
}
