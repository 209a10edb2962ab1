import type { TTopicConfigEntry } from "~/domain/topics/topic-dto";

/** The topic's retention.ms, or null when records are kept forever (−1) or it is unknown. */
export function retentionMs(configs: readonly TTopicConfigEntry[]): number | null {
  const value = configs.find((config) => config.name === "retention.ms")?.value;
  if (value === undefined || value === null) return null;
  const ms = Number(value);
  return Number.isFinite(ms) && ms > 0 ? ms : null;
}

/**
 * How much of the retention window a partition's records span, as a fraction (may exceed 1:
 * Kafka deletes whole segments, so a partition keeps some records past retention.ms). Null for
 * an empty partition or a topic that keeps records forever.
 */
export function retentionUsed(oldest: number | null, newest: number | null, retention: number | null): number | null {
  if (oldest === null || newest === null || retention === null) return null;
  return Math.max(0, newest - oldest) / retention;
}
