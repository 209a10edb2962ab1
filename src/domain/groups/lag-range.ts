import { z } from "zod";

/** The time ranges a lag chart offers; the URL carries one of these (`?lag=6h`). */
export const LAG_RANGES = ["15m", "1h", "6h", "24h", "7d"] as const;
export const ZLagRange = z.enum(LAG_RANGES);
export type TLagRange = z.infer<typeof ZLagRange>;

export const DEFAULT_LAG_RANGE: TLagRange = "1h";

const MINUTE_MS = 60_000;
export const LAG_RANGE_MS: Record<TLagRange, number> = {
  "15m": 15 * MINUTE_MS,
  "1h": 60 * MINUTE_MS,
  "6h": 6 * 60 * MINUTE_MS,
  "24h": 24 * 60 * MINUTE_MS,
  "7d": 7 * 24 * 60 * MINUTE_MS,
};

export const LAG_RANGE_LABELS: Record<TLagRange, string> = {
  "15m": "15 min",
  "1h": "1 hour",
  "6h": "6 hours",
  "24h": "24 hours",
  "7d": "7 days",
};

/**
 * At most this many points per series: about one per pixel column of a wide chart, and 7 days of
 * 15 s samples (40,320) would otherwise be a 1 MB answer per partition for a picture no sharper.
 */
export const MAX_POINTS_PER_SERIES = 300;

/** A range from the URL; anything else (missing, hand-edited) falls back to the default. */
export function parseLagRange(value: string | null | undefined): TLagRange {
  const parsed = ZLagRange.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_LAG_RANGE;
}

/**
 * Width of one bucket: the range cut into at most MAX_POINTS_PER_SERIES buckets, in whole seconds,
 * and never narrower than the sampling interval (a narrower bucket would only hold gaps).
 */
export function bucketMsFor(range: TLagRange, sampleIntervalMs: number): number {
  const even = Math.ceil(LAG_RANGE_MS[range] / MAX_POINTS_PER_SERIES / 1_000) * 1_000;
  return Math.max(even, sampleIntervalMs);
}

/**
 * Buckets are counted from the epoch, not from the window's start, so that a sample stays in the
 * same bucket across refetches and the chart does not shimmer as the window slides.
 */
export function bucketOf(at: number, bucketMs: number): number {
  return Math.floor(at / bucketMs);
}

/** The window a range shows, ending now; `from` is the start of its first whole bucket. */
export function lagWindow(range: TLagRange, now: number, bucketMs: number): { from: number; to: number } {
  const from = (bucketOf(now - LAG_RANGE_MS[range], bucketMs) + 1) * bucketMs;
  return { from, to: now };
}
