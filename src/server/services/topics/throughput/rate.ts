/** The last high watermark seen for a partition and when. */
export type TWatermarkReading = { high: bigint; at: number };

/**
 * Messages per second between two readings of one partition's high watermark, or null when there
 * is no rate to tell: no earlier reading, or a watermark that went backwards (the topic was deleted
 * and recreated, so its offsets restarted). The delta is taken in bigint because offsets are int64;
 * only the (small) difference becomes a number.
 */
export function ratePerSecond(previous: TWatermarkReading | undefined, current: TWatermarkReading): number | null {
  if (!previous || current.at <= previous.at) return null;
  const delta = current.high - previous.high;
  if (delta < 0n) return null;
  return Number(delta) / ((current.at - previous.at) / 1000);
}

export type TRatePoint = { at: number; total: number; partitions: Record<number, number> };

/**
 * Time-weighted mean of the totals: each point's rate held for `intervalMs` (the time since the
 * sample before it), so a late sample counts for the longer stretch it covers.
 */
export function averageRate(points: readonly (TRatePoint & { intervalMs: number })[]): number | null {
  let messages = 0;
  let span = 0;
  for (const point of points) {
    // The first sample after the sampler started has no interval to weigh.
    if (!Number.isFinite(point.intervalMs)) continue;
    messages += point.total * (point.intervalMs / 1000);
    span += point.intervalMs;
  }
  return span > 0 ? messages / (span / 1000) : null;
}
