import { LONG_MAX } from "./kafka-values";
import {
  aliasTable,
  largestExactUnit,
  scaleDecimal,
  splitAmountAndUnit,
  type TAmountResult,
  type TUnitScale,
} from "./unit-amount";

/** Durations for `*.ms` configs: what the form offers, and milliseconds as a decimal string. */

export type TDurationUnit = "ms" | "s" | "min" | "h" | "d";

export const DURATION_UNITS: readonly TUnitScale<TDurationUnit>[] = [
  { unit: "ms", factor: 1n },
  { unit: "s", factor: 1_000n },
  { unit: "min", factor: 60_000n },
  { unit: "h", factor: 3_600_000n },
  { unit: "d", factor: 86_400_000n },
];

/** What people type for each unit ("m" is minutes, as in Kafka's own docs and Go durations). */
const UNIT_ALIASES = aliasTable<TDurationUnit>({
  ms: ["ms", "millisecond", "milliseconds"],
  s: ["s", "sec", "secs", "second", "seconds"],
  min: ["m", "min", "mins", "minute", "minutes"],
  h: ["h", "hr", "hrs", "hour", "hours"],
  d: ["d", "day", "days"],
});

/** The -1 of retention.ms, local.retention.ms and friends. */
export const FOREVER_MS = "-1";

const EXAMPLE = "such as 7 d, 12 h or 30 min";

/** An amount in one unit as milliseconds: ("1.5", "h") → "5400000". */
export function durationToMs(amount: string, unit: TDurationUnit): TAmountResult {
  const factor = DURATION_UNITS.find((scale) => scale.unit === unit)?.factor ?? 1n;
  const trimmed = amount.trim();
  if (trimmed.startsWith("-")) {
    return { ok: false, message: "A duration cannot be negative; choose forever to keep records with no time limit." };
  }
  const ms = scaleDecimal(trimmed, factor);
  if (ms === null) return { ok: false, message: `'${trimmed}' is not a number.` };
  if (ms === "fraction") return { ok: false, message: "A duration must come to a whole number of milliseconds." };
  // Kafka keeps durations in a Java long.
  if (ms > LONG_MAX)
    return { ok: false, message: "That duration is longer than Kafka can store (about 292 million years)." };
  return { ok: true, value: ms.toString() };
}

/** What a user typed — "7 d", "90min", "1.5 h", "3600000" (bare numbers are ms), "forever" or "-1". */
export function parseDurationMs(text: string): TAmountResult {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, message: `Enter a duration ${EXAMPLE}.` };
  if (trimmed.toLowerCase() === "forever" || trimmed === FOREVER_MS) return { ok: true, value: FOREVER_MS };
  if (trimmed.startsWith("-")) return durationToMs(trimmed, "ms");
  const parts = splitAmountAndUnit(trimmed);
  if (parts === null)
    return { ok: false, message: `'${trimmed}' is not a duration; write a number and a unit ${EXAMPLE}.` };
  const unit = parts.unitText === "" ? "ms" : UNIT_ALIASES.get(parts.unitText.toLowerCase());
  if (unit === undefined) {
    return { ok: false, message: `'${parts.unitText}' is not a unit of time; use ms, s, min, h or d.` };
  }
  return durationToMs(parts.amount, unit);
}

/** A stored value as number + unit for the form ("7200000" → 2 h); null for -1 and non-numbers. */
export function splitDurationMs(ms: string): { amount: string; unit: TDurationUnit } | null {
  if (!/^\d+$/.test(ms.trim())) return null;
  return largestExactUnit(BigInt(ms.trim()), DURATION_UNITS);
}

/**
 * For display: "7200000" → "2 h", "5400000" → "1 h 30 min", "0" → "0 ms". Long.MAX_VALUE is how
 * Kafka spells "no limit" (flush.ms, max.compaction.lag.ms …). Text that is not a number is returned as is.
 */
export function formatDurationMs(ms: string): string {
  const trimmed = ms.trim();
  if (!/^-?\d+$/.test(trimmed)) return ms;
  let rest = BigInt(trimmed);
  if (rest === LONG_MAX) return "no limit";
  if (rest <= 0n) return `${rest} ms`;
  const parts: string[] = [];
  for (const scale of [...DURATION_UNITS].reverse()) {
    if (rest >= scale.factor) {
      parts.push(`${rest / scale.factor} ${scale.unit}`);
      rest %= scale.factor;
    }
  }
  return parts.join(" ");
}

/** retention.ms for display: "-1" → "forever", otherwise as formatDurationMs. */
export function formatRetentionMs(ms: string): string {
  return ms.trim() === FOREVER_MS ? "forever" : formatDurationMs(ms);
}
