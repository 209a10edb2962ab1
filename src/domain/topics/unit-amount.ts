/**
 * Exact decimal × unit arithmetic for durations and sizes. Kafka stores both as Java longs, which
 * exceed 2^53, so everything here is bigint: "1.5 h" is 5400000 ms with no floating point between.
 */

/** A unit and how many base units (ms or bytes) it holds; lists run from smallest to largest. */
export type TUnitScale<TUnit extends string> = { unit: TUnit; factor: bigint };

/** The outcome of reading what a user typed: the value as a decimal string, or a sentence. */
export type TAmountResult = { ok: true; value: string } | { ok: false; message: string };

/** "1.5", "2", ".5" — a non-negative decimal amount (a sign is the caller's business). */
const DECIMAL = /^(\d+)(?:\.(\d*))?$|^\.(\d+)$/;

/**
 * `amount × factor` when it is a whole number: "1.5" × 3600000n → 5400000n. Null when `amount` is
 * not a plain decimal; "fraction" when the product is not whole ("0.5" ms).
 */
export function scaleDecimal(amount: string, factor: bigint): bigint | "fraction" | null {
  const match = DECIMAL.exec(amount.trim());
  if (match === null) return null;
  const whole = match[1] ?? "0";
  const fraction = match[2] ?? match[3] ?? "";
  const scale = 10n ** BigInt(fraction.length);
  const numerator = BigInt(whole + fraction) * factor;
  return numerator % scale === 0n ? numerator / scale : "fraction";
}

/** The largest unit that divides `value` exactly, to fill a number + unit field from a stored value. */
export function largestExactUnit<TUnit extends string>(
  value: bigint,
  scales: readonly TUnitScale<TUnit>[],
): { amount: string; unit: TUnit } | null {
  // Every unit divides 0; "0 ms" reads better than "0 d".
  if (value === 0n && scales[0] !== undefined) return { amount: "0", unit: scales[0].unit };
  for (const scale of [...scales].reverse()) {
    if (value % scale.factor === 0n) return { amount: (value / scale.factor).toString(), unit: scale.unit };
  }
  return null;
}

/** Splits "7 d", "7d", "1.5 h" into amount and unit text; null when it has no such shape. */
export function splitAmountAndUnit(text: string): { amount: string; unitText: string } | null {
  const match = /^([\d.]+)\s*([a-zA-Z]*)$/.exec(text.trim());
  if (match === null) return null;
  return { amount: match[1] ?? "", unitText: match[2] ?? "" };
}

/** unit → the lower-case spellings a user may type, turned into spelling → unit. */
export function aliasTable<TUnit extends string>(spellings: Record<TUnit, readonly string[]>): Map<string, TUnit> {
  const entries = Object.entries(spellings) as [TUnit, readonly string[]][];
  return new Map(entries.flatMap(([unit, names]) => names.map((name) => [name, unit] as const)));
}
