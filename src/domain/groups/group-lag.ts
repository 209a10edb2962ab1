import type { TGroupPartitionLag } from "./group-dto";

/** logEnd − committed, floored at 0 (a commit can be ahead of a just-truncated log); null when unknown. */
export function partitionLag(committed: string | null, logEnd: string | null): string | null {
  if (committed === null || logEnd === null) return null;
  const lag = BigInt(logEnd) - BigInt(committed);
  return (lag > 0n ? lag : 0n).toString();
}

/** Sum of the known lags; null when none is known. */
export function totalLag(partitions: readonly Pick<TGroupPartitionLag, "lag">[]): string | null {
  let total = 0n;
  let known = false;
  for (const { lag } of partitions) {
    if (lag === null) continue;
    known = true;
    total += BigInt(lag);
  }
  return known ? total.toString() : null;
}

/**
 * The group's time lag: how long ago the oldest unconsumed record was produced, i.e. the largest
 * per-partition time lag. null when every partition is caught up or its time is unknown.
 */
export function groupTimeLag(partitions: readonly Pick<TGroupPartitionLag, "timeLagMs">[]): number | null {
  let worst: number | null = null;
  for (const { timeLagMs } of partitions) {
    if (timeLagMs !== null && (worst === null || timeLagMs > worst)) worst = timeLagMs;
  }
  return worst;
}

/** Time lag of one partition from the timestamp of the record at its committed offset; never negative. */
export function timeLagFrom(recordTimestampMs: number | null, nowMs: number): number | null {
  if (recordTimestampMs === null || !Number.isFinite(recordTimestampMs)) return null;
  return Math.max(0, nowMs - recordTimestampMs);
}

/** "3.2 s", "4 min 10 s", "2 h 5 min", "3 d 4 h" — for lag in time. */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  const seconds = Math.floor(ms / 1_000);
  if (seconds < 3_600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3_600)} h ${Math.floor((seconds % 3_600) / 60)} min`;
  return `${Math.floor(seconds / 86_400)} d ${Math.floor((seconds % 86_400) / 3_600)} h`;
}
