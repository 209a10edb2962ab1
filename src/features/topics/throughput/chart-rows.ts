/** One sample as the server sends it: messages per second, total and per partition. */
export type TRatePoint = { at: number; total: number; partitions: Record<number, number> };

/** A recharts row: `at`, `total` and one `p<id>` key per partition; null values break the lines. */
export type TChartRow = { at: number; total: number | null } & Record<`p${number}`, number | null>;

/**
 * Rows for the rate chart. Samples missing (Kafka was down, the server restarted) would otherwise be
 * bridged by a straight line that invents a rate, so a blank row is put into every hole longer
 * than two sample intervals and the chart shows a gap.
 */
export function toChartRows(
  points: readonly TRatePoint[],
  partitionIds: readonly number[],
  sampleIntervalMs: number,
): TChartRow[] {
  const rows: TChartRow[] = [];
  let previousAt: number | undefined;
  for (const point of points) {
    if (previousAt !== undefined && point.at - previousAt > 2 * sampleIntervalMs) {
      rows.push(row(previousAt + sampleIntervalMs, null, partitionIds, () => null));
    }
    rows.push(row(point.at, point.total, partitionIds, (id) => point.partitions[id] ?? null));
    previousAt = point.at;
  }
  return rows;
}

function row(
  at: number,
  total: number | null,
  partitionIds: readonly number[],
  rateOf: (id: number) => number | null,
): TChartRow {
  const result: TChartRow = { at, total };
  for (const id of partitionIds) result[`p${id}`] = rateOf(id);
  return result;
}

/** Partition ids seen in any point, ascending. */
export function partitionIdsOf(points: readonly TRatePoint[]): number[] {
  const ids = new Set<number>();
  for (const point of points) for (const id of Object.keys(point.partitions)) ids.add(Number(id));
  return [...ids].sort((a, b) => a - b);
}
