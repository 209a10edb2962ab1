import type { TAggregate } from "./config";

const PERCENTILES: Partial<Record<TAggregate, number>> = { p50: 50, p90: 90, p95: 95, p99: 99 };

/**
 * The chosen aggregates of one window's values. Percentiles are exact, by nearest rank: the
 * smallest value with at least p% of the values at or below it (always one of the values).
 */
export function aggregate(values: readonly number[], aggregates: readonly TAggregate[]): Record<string, number> {
  const result: Record<string, number> = {};
  const count = values.length;
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < count; i++) {
    const x = values[i]!;
    sum += x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  let sorted: Float64Array | null = null;
  for (const name of aggregates) {
    const p = PERCENTILES[name];
    if (p !== undefined) {
      sorted ??= Float64Array.from(values).sort();
      result[name] = sorted[Math.max(0, Math.ceil((p / 100) * count) - 1)]!;
    } else if (name === "count") result.count = count;
    else if (name === "sum") result.sum = sum;
    else if (name === "avg") result.avg = sum / count;
    else if (name === "min") result.min = min;
    else if (name === "max") result.max = max;
  }
  return result;
}
