import { formatDuration } from "~/lib/format";

/** One decimal without a trailing ".0": 2.5, 3, 1.2. */
function oneDecimal(value: number): string {
  const text = value.toFixed(1);
  return text.endsWith(".0") ? text.slice(0, -2) : text;
}

/**
 * A count as an edge or node can hold it: "950", "1.2k", "12.5k", "120k", "3.4M". Exact below a
 * thousand; above, three significant figures at most, so the label keeps its width from second to second.
 */
export function formatCompactCount(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude < 1_000) return String(Math.round(value));
  for (const [size, unit] of [
    [1e9, "G"],
    [1e6, "M"],
    [1e3, "k"],
  ] as const) {
    if (magnitude < size) continue;
    const scaled = value / size;
    return `${Math.abs(scaled) < 100 ? oneDecimal(scaled) : Math.round(scaled)}${unit}`;
  }
  return String(Math.round(value));
}

/**
 * Records per second on an edge: "0/s", "<0.1/s", "2.5/s", "120/s", "1.2k/s". A trickle never reads
 * as zero: only a rate of exactly nothing is "0/s" (and dimmed on the canvas).
 */
export function formatRate(perSecond: number): string {
  if (perSecond <= 0) return "0/s";
  if (perSecond < 0.05) return "<0.1/s";
  if (perSecond < 10) return `${oneDecimal(perSecond)}/s`;
  return `${formatCompactCount(perSecond)}/s`;
}

/** "lag 1.2k"; null when Kafka could not say (the group has no committed offsets yet). */
export function formatLag(lag: number | null): string | null {
  return lag === null ? null : `lag ${formatCompactCount(lag)}`;
}

/** "2 s ago" — measured against the overlay's own time, so a browser clock that is off does not matter. */
export function formatAge(then: Date, now: Date): string {
  return `${formatDuration(Math.max(0, now.getTime() - then.getTime()))} ago`;
}
