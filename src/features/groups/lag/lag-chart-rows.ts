import type { TLagPoint, TLagRebalanceMarker, TPartitionLagSeries } from "~/domain/groups/lag-history-dto";

/** A row of the total chart; null values break the line (no samples then). */
export type TTotalLagRow = { at: number; totalLag: number | null; timeLagMs: number | null };

/** A row of the partition chart: `at` and one `p<id>` key per partition. */
export type TPartitionLagRow = { at: number } & Record<`p${number}`, number | null>;

/**
 * Consecutive points further apart than this are not joined by a line: the server sampled nothing
 * in between (it was stopped, or Kafka or the database was down), and a straight line would invent
 * the lag of that time. Three buckets leave room for a late sample landing one bucket over.
 */
export function gapThresholdMs(bucketMs: number): number {
  return 3 * bucketMs;
}

/** A chart needs numbers; lags past 2^53 lose precision only in the drawing, never in the data. */
const toNumber = (lag: string) => Number(lag);

export function totalLagRows(points: readonly TLagPoint[], gapMs: number): TTotalLagRow[] {
  const rows: TTotalLagRow[] = [];
  let previousAt: number | undefined;
  for (const point of points) {
    if (previousAt !== undefined && point.at - previousAt > gapMs) {
      rows.push({ at: previousAt + 1, totalLag: null, timeLagMs: null });
    }
    rows.push({ at: point.at, totalLag: toNumber(point.totalLag), timeLagMs: point.timeLagMs });
    previousAt = point.at;
  }
  return rows;
}

/** One row per point time of any series; a partition without a value at that time gets null. */
export function partitionLagRows(series: readonly TPartitionLagSeries[], gapMs: number): TPartitionLagRow[] {
  const times = [...new Set(series.flatMap((entry) => entry.points.map((point) => point.at)))].sort((a, b) => a - b);
  const lagAt = series.map((entry) => new Map(entry.points.map((point) => [point.at, toNumber(point.lag)])));
  const rows: TPartitionLagRow[] = [];
  let previousAt: number | undefined;
  for (const at of times) {
    if (previousAt !== undefined && at - previousAt > gapMs) rows.push(blankRow(previousAt + 1, series));
    const row: TPartitionLagRow = { at };
    series.forEach((entry, index) => {
      row[`p${entry.partition}`] = lagAt[index]?.get(at) ?? null;
    });
    rows.push(row);
    previousAt = at;
  }
  return rows;
}

function blankRow(at: number, series: readonly TPartitionLagSeries[]): TPartitionLagRow {
  const row: TPartitionLagRow = { at };
  for (const entry of series) row[`p${entry.partition}`] = null;
  return row;
}

/** The rebalances that belong to the point at `at`: those since the previous bucket. */
export function rebalancesNear(
  markers: readonly TLagRebalanceMarker[],
  at: number,
  bucketMs: number,
): TLagRebalanceMarker[] {
  return markers.filter((marker) => marker.at > at - bucketMs && marker.at <= at + bucketMs / 2);
}

/** "generation 7 · 2 partitions moved · joined billing-3 · left billing-1" */
export function describeRebalance(marker: TLagRebalanceMarker): string {
  const parts = [
    marker.generation === null ? "generation unknown" : `generation ${marker.generation}`,
    `${marker.movedCount} partition${marker.movedCount === 1 ? "" : "s"} moved`,
  ];
  if (marker.joined.length > 0) parts.push(`joined ${marker.joined.join(", ")}`);
  if (marker.left.length > 0) parts.push(`left ${marker.left.join(", ")}`);
  if (marker.completedAt === null) parts.push("still rebalancing");
  return parts.join(" · ");
}

/**
 * Which markers get a label: left to right, a marker closer than `minFraction` of the window to the
 * last labelled one stays a bare line, so that a burst of rebalances does not print its labels on
 * top of each other (the tooltip and the list below the charts still name each one).
 */
export function labelledMarkerIds(
  markers: readonly TLagRebalanceMarker[],
  from: number,
  to: number,
  minFraction = 0.04,
): Set<string> {
  const minGap = (to - from) * minFraction;
  const labelled = new Set<string>();
  let lastAt: number | undefined;
  for (const marker of [...markers].sort((a, b) => a.at - b.at)) {
    if (lastAt !== undefined && marker.at - lastAt < minGap) continue;
    labelled.add(marker.id);
    lastAt = marker.at;
  }
  return labelled;
}

const trim = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

/** Time-lag axis ticks in one unit each: "0", "45 s", "1.5 min", "2 h", "3 d". */
export function formatTimeLagTick(ms: number): string {
  if (ms <= 0) return "0";
  if (ms < 60_000) return `${trim(Math.round(ms / 100) / 10)} s`;
  if (ms < 3_600_000) return `${trim(Math.round(ms / 6_000) / 10)} min`;
  if (ms < 86_400_000) return `${trim(Math.round(ms / 360_000) / 10)} h`;
  return `${trim(Math.round(ms / 8_640_000) / 10)} d`;
}

const TICK_STEPS_MS = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800,
].map((seconds) => seconds * 1_000);

/**
 * Ticks for a time-lag axis up to `maxMs`: whole seconds, minutes, hours or days (at most five
 * steps), so the axis reads "0, 1 min, 2 min, 3 min, 4 min" rather than "55 s, 1.8 min".
 */
export function timeLagTicks(maxMs: number): number[] {
  if (maxMs <= 0) return [0, 1_000];
  const step =
    TICK_STEPS_MS.find((candidate) => maxMs / candidate <= 5) ?? Math.ceil(maxMs / 5 / 86_400_000) * 86_400_000;
  const ticks = [0];
  while ((ticks.at(-1) ?? 0) < maxMs) ticks.push((ticks.at(-1) ?? 0) + step);
  return ticks;
}
