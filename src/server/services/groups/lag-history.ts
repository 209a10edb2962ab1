import "server-only";
import { env } from "~/env";
import type { TLagHistory } from "~/domain/groups/lag-history-dto";
import { bucketMsFor, lagWindow, type TLagRange } from "~/domain/groups/lag-range";
import { downsampleLag, pickPartitionSeries } from "~/domain/groups/lag-series";
import { findLatestLagPoint, listRebalanceMarkers, readLagBuckets } from "~/server/db/lag-samples";
import { getCluster } from "../clusters/registered-clusters";
import { ensureLagSampler } from "./lag-sampler-registry";

/**
 * A group's lag over a range: at most ~300 points per series (the largest lag of each bucket), per
 * partition of one topic too (at most 12 series), with the rebalances stored in the window as markers.
 */
export async function getLagHistory(
  input: { clusterId: string; groupId: string; range: TLagRange; topic?: string },
  now = Date.now(),
): Promise<TLagHistory> {
  const cluster = await getCluster(input.clusterId);
  ensureLagSampler(cluster.id);
  const sampleIntervalMs = env.LAG_SAMPLE_SECONDS * 1_000;
  const bucketMs = bucketMsFor(input.range, sampleIntervalMs);
  const { from, to } = lagWindow(input.range, now, bucketMs);
  const window = { clusterId: cluster.id, groupId: input.groupId, from: new Date(from), to: new Date(to) };
  const [rows, rebalances, latest] = await Promise.all([
    readLagBuckets({ ...window, bucketMs }),
    listRebalanceMarkers(window),
    findLatestLagPoint(cluster.id, input.groupId),
  ]);
  const { points, partitions } = downsampleLag(rows, bucketMs);
  const picked = pickPartitionSeries(partitions, input.topic);
  return { range: input.range, sampleIntervalMs, bucketMs, from, to, points, latest, ...picked, rebalances };
}
