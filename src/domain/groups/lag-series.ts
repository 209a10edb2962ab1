import type { TGroupDetail } from "./group-dto";
import type { TLagPartitionEntry, TLagPoint, TLagSample, TPartitionLagSeries } from "./lag-history-dto";
import { bucketOf } from "./lag-range";

/**
 * The sample to store for one group, or null when there is nothing to chart: no committed offset
 * (a group that never consumed, a Connect cluster), or no partition whose lag could be read.
 */
export function toLagSample(detail: Pick<TGroupDetail, "groupId" | "observedAt" | "partitions">): TLagSample | null {
  const partitions: TLagPartitionEntry[] = [];
  let total = 0n;
  let known = false;
  let timeLagMs: number | null = null;
  for (const row of detail.partitions) {
    if (row.committedOffset === null) continue;
    partitions.push({
      topic: row.topic,
      partition: row.partition,
      committed: row.committedOffset,
      logEnd: row.logEndOffset,
      lag: row.lag,
    });
    if (row.lag !== null) {
      known = true;
      total += BigInt(row.lag);
    }
    if (row.timeLagMs !== null && (timeLagMs === null || row.timeLagMs > timeLagMs)) timeLagMs = row.timeLagMs;
  }
  if (!known) return null;
  return { groupId: detail.groupId, sampledAt: detail.observedAt, totalLag: total.toString(), timeLagMs, partitions };
}

/** A stored sample, or a bucket the database already reduced; both reduce the same way. */
export type TLagRow = {
  at: number;
  totalLag: string;
  timeLagMs: number | null;
  partitions: readonly Pick<TLagPartitionEntry, "topic" | "partition" | "lag">[];
};

const maxOf = (a: string, b: string) => (BigInt(b) > BigInt(a) ? b : a);
const partitionKey = (topic: string, partition: number) => `${topic}\u0000${partition}`;

type TBucket = { at: number; totalLag: string; timeLagMs: number | null; partitions: Map<string, string> };

/**
 * Reduces samples to one point per bucket of `bucketMs`, keeping the largest lag of each bucket
 * (and of each partition in it) rather than an average: a lag spike between two points is exactly
 * what an operator looks for. A point is dated by its newest sample. Partitions without a known lag
 * are left out of their series, which the chart draws as a gap.
 */
export function downsampleLag(
  rows: readonly TLagRow[],
  bucketMs: number,
): { points: TLagPoint[]; partitions: TPartitionLagSeries[] } {
  const buckets = new Map<number, TBucket>();
  const seen = new Map<string, { topic: string; partition: number }>();
  for (const row of rows) {
    const index = bucketOf(row.at, bucketMs);
    let bucket = buckets.get(index);
    if (!bucket) {
      bucket = { at: row.at, totalLag: row.totalLag, timeLagMs: row.timeLagMs, partitions: new Map() };
      buckets.set(index, bucket);
    } else {
      bucket.at = Math.max(bucket.at, row.at);
      bucket.totalLag = maxOf(bucket.totalLag, row.totalLag);
      if (row.timeLagMs !== null && (bucket.timeLagMs === null || row.timeLagMs > bucket.timeLagMs))
        bucket.timeLagMs = row.timeLagMs;
    }
    for (const { topic, partition, lag } of row.partitions) {
      if (lag === null) continue;
      const key = partitionKey(topic, partition);
      seen.set(key, { topic, partition });
      const previous = bucket.partitions.get(key);
      bucket.partitions.set(key, previous === undefined ? lag : maxOf(previous, lag));
    }
  }

  const ordered = [...buckets.entries()].sort(([a], [b]) => a - b).map(([, bucket]) => bucket);
  const points = ordered.map(({ at, totalLag, timeLagMs }) => ({ at, totalLag, timeLagMs }));
  const partitions = [...seen.entries()]
    .sort(([, a], [, b]) => a.topic.localeCompare(b.topic) || a.partition - b.partition)
    .map(([key, { topic, partition }]) => ({
      topic,
      partition,
      points: ordered.flatMap((bucket) => {
        const lag = bucket.partitions.get(key);
        return lag === undefined ? [] : [{ at: bucket.at, lag }];
      }),
    }));
  return { points, partitions };
}

/** More lines than this are a tangle nobody can read, and a 1,000-partition group would be a 10 MB answer. */
export const MAX_PARTITION_SERIES = 12;

/**
 * The series a chart draws: those of one topic (the asked one if the group has history for it,
 * else the first), all of them up to `limit`, else the `limit` with the largest peak lag — the
 * ones an operator is looking for — in partition order.
 */
export function pickPartitionSeries(
  series: readonly TPartitionLagSeries[],
  askedTopic: string | undefined,
  limit = MAX_PARTITION_SERIES,
): { topics: string[]; topic: string | null; partitionCount: number; partitions: TPartitionLagSeries[] } {
  const topics = [...new Set(series.map((entry) => entry.topic))].sort();
  const topic = askedTopic !== undefined && topics.includes(askedTopic) ? askedTopic : (topics[0] ?? null);
  const ofTopic = series.filter((entry) => entry.topic === topic);
  if (ofTopic.length <= limit) return { topics, topic, partitionCount: ofTopic.length, partitions: ofTopic };
  const peak = (entry: TPartitionLagSeries) =>
    entry.points.reduce((max, point) => (BigInt(point.lag) > max ? BigInt(point.lag) : max), 0n);
  const partitions = ofTopic
    .map((entry) => ({ entry, peak: peak(entry) }))
    .sort((a, b) => (a.peak === b.peak ? a.entry.partition - b.entry.partition : a.peak < b.peak ? 1 : -1))
    .slice(0, limit)
    .map(({ entry }) => entry)
    .sort((a, b) => a.partition - b.partition);
  return { topics, topic, partitionCount: ofTopic.length, partitions };
}
