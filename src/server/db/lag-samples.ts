import "server-only";
import type { TLagPartitionEntry, TLagPoint, TLagRebalanceMarker, TLagSample } from "~/domain/groups/lag-history-dto";
import type { TLagRow } from "~/domain/groups/lag-series";
import type { TRebalanceMember } from "~/domain/groups/rebalance-diff";
import type { Prisma } from "./generated/client";
import { getDb } from "./client";
import { withDatabase } from "./database-errors";

/** Most markers one chart draws; a group rebalancing more often than this in a window is unreadable anyway. */
const MAX_MARKERS = 200;

/** Stores one sampling pass (one row per group) in one INSERT; returns how many rows. */
export function insertLagSamples(clusterId: string, samples: readonly TLagSample[]): Promise<number> {
  if (samples.length === 0) return Promise.resolve(0);
  return withDatabase(async () => {
    const { count } = await getDb().groupLagSample.createMany({
      data: samples.map((sample) => ({
        clusterId,
        groupId: sample.groupId,
        sampledAt: new Date(sample.sampledAt),
        totalLag: BigInt(sample.totalLag),
        timeLagMs: sample.timeLagMs === null ? null : BigInt(Math.round(sample.timeLagMs)),
        partitions: sample.partitions as unknown as Prisma.InputJsonValue,
      })),
    });
    return count;
  });
}

/** The stored samples of one group from `from` on, oldest first (tests and diagnostics; charts use readLagBuckets). */
export function findLagSamples(clusterId: string, groupId: string, from = new Date(0)): Promise<TLagSample[]> {
  return withDatabase(async () => {
    const rows = await getDb().groupLagSample.findMany({
      where: { clusterId, groupId, sampledAt: { gte: from } },
      orderBy: [{ sampledAt: "asc" }, { id: "asc" }],
    });
    return rows.map((row) => ({
      groupId: row.groupId,
      sampledAt: row.sampledAt.getTime(),
      totalLag: row.totalLag.toString(),
      timeLagMs: row.timeLagMs === null ? null : Number(row.timeLagMs),
      // The JSON column is written only by insertLagSamples, from the domain type.
      partitions: row.partitions as unknown as TLagPartitionEntry[],
    }));
  });
}

/** The group's newest sample, without its partitions; null when it has none. */
export function findLatestLagPoint(clusterId: string, groupId: string): Promise<TLagPoint | null> {
  return withDatabase(async () => {
    const row = await getDb().groupLagSample.findFirst({
      where: { clusterId, groupId },
      orderBy: [{ sampledAt: "desc" }, { id: "desc" }],
      select: { sampledAt: true, totalLag: true, timeLagMs: true },
    });
    if (!row) return null;
    return {
      at: row.sampledAt.getTime(),
      totalLag: row.totalLag.toString(),
      timeLagMs: row.timeLagMs === null ? null : Number(row.timeLagMs),
    };
  });
}

type TBucketRow = { bucket: bigint; at: Date; total_lag: string; time_lag_ms: number | null };
type TPartitionBucketRow = { bucket: bigint; topic: string; partition: number; lag: string };

/**
 * One row per bucket of `bucketMs` between `from` and `to`, each holding the largest lag of the
 * bucket, in total and per partition. PostgreSQL reduces the samples so that a 7-day chart reads
 * a few hundred rows instead of 40,000 JSON documents; the result has the shape of stored samples,
 * and `downsampleLag` (the rule the unit tests pin down) reduces it again to the same points.
 * Bucket numbers are epoch ms / bucketMs, exactly as `bucketOf` counts them.
 */
export function readLagBuckets(filter: {
  clusterId: string;
  groupId: string;
  from: Date;
  to: Date;
  bucketMs: number;
}): Promise<TLagRow[]> {
  const { clusterId, groupId, from, to, bucketMs } = filter;
  return withDatabase(async () => {
    const db = getDb();
    const [totals, partitions] = await Promise.all([
      db.$queryRaw<TBucketRow[]>`
        SELECT floor(extract(epoch FROM sampled_at) * 1000 / ${bucketMs}::numeric)::bigint AS bucket,
               max(sampled_at) AS at,
               max(total_lag)::text AS total_lag,
               max(time_lag_ms)::float8 AS time_lag_ms
        FROM group_lag_samples
        WHERE cluster_id = ${clusterId} AND group_id = ${groupId} AND sampled_at >= ${from} AND sampled_at <= ${to}
        GROUP BY 1
        ORDER BY 1`,
      // Buckets are computed once per sample, then its partitions unpacked by jsonb_to_recordset
      // (lag as BIGINT): about 20% faster than ->> per element on 7 days × 12 partitions.
      db.$queryRaw<TPartitionBucketRow[]>`
        SELECT s.bucket, p.topic, p.partition, max(p.lag)::text AS lag
        FROM (
          SELECT floor(extract(epoch FROM sampled_at) * 1000 / ${bucketMs}::numeric)::bigint AS bucket, partitions
          FROM group_lag_samples
          WHERE cluster_id = ${clusterId} AND group_id = ${groupId} AND sampled_at >= ${from} AND sampled_at <= ${to}
        ) s
        CROSS JOIN LATERAL jsonb_to_recordset(s.partitions) AS p(topic text, partition int, lag bigint)
        WHERE p.lag IS NOT NULL
        GROUP BY 1, 2, 3`,
    ]);
    const byBucket = new Map<bigint, TLagRow & { partitions: { topic: string; partition: number; lag: string }[] }>();
    for (const row of totals) {
      byBucket.set(row.bucket, {
        at: row.at.getTime(),
        totalLag: row.total_lag,
        timeLagMs: row.time_lag_ms,
        partitions: [],
      });
    }
    for (const row of partitions) {
      byBucket.get(row.bucket)?.partitions.push({ topic: row.topic, partition: row.partition, lag: row.lag });
    }
    return [...byBucket.values()];
  });
}

type TStoredMember = Pick<TRebalanceMember, "clientId">;

/** The group's rebalances detected between `from` and `to`, oldest first, as chart markers. */
export function listRebalanceMarkers(filter: {
  clusterId: string;
  groupId: string;
  from: Date;
  to: Date;
}): Promise<TLagRebalanceMarker[]> {
  return withDatabase(async () => {
    const rows = await getDb().groupRebalance.findMany({
      where: { clusterId: filter.clusterId, groupId: filter.groupId, detectedAt: { gte: filter.from, lte: filter.to } },
      orderBy: [{ detectedAt: "desc" }, { id: "desc" }],
      take: MAX_MARKERS,
      select: {
        id: true,
        detectedAt: true,
        completedAt: true,
        generation: true,
        joinedMembers: true,
        leftMembers: true,
        movedPartitions: true,
      },
    });
    // The JSON columns are written by the rebalance watcher from the domain types (src/server/db/rebalances.ts).
    return rows.reverse().map((row) => ({
      id: row.id.toString(),
      at: row.detectedAt.getTime(),
      completedAt: row.completedAt?.getTime() ?? null,
      generation: row.generation,
      movedCount: (row.movedPartitions as unknown[]).length,
      joined: (row.joinedMembers as TStoredMember[]).map((member) => member.clientId),
      left: (row.leftMembers as TStoredMember[]).map((member) => member.clientId),
    }));
  });
}

/** Retention: removes every sample taken before `cutoff`; returns how many. */
export function deleteLagSamplesBefore(cutoff: Date): Promise<number> {
  return withDatabase(async () => {
    const { count } = await getDb().groupLagSample.deleteMany({ where: { sampledAt: { lt: cutoff } } });
    return count;
  });
}
