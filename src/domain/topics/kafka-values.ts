/**
 * Config values as Kafka's `ConfigDef.parseType` reads them: every value arrives as a string, is
 * trimmed, and is parsed as a Java long, int, double, boolean or comma-separated list.
 */

/** Java's `Long.MIN_VALUE` / `Long.MAX_VALUE`: the range of a LONG config (beyond 2^53, hence bigint). */
export const LONG_MIN = -(2n ** 63n);
export const LONG_MAX = 2n ** 63n - 1n;
/** Java's `Integer.MIN_VALUE` / `Integer.MAX_VALUE`: the range of an INT config. */
export const INT_MIN = -(2n ** 31n);
export const INT_MAX = 2n ** 31n - 1n;

/**
 * A whole number as `Long.parseLong` accepts it after trimming: an optional sign, then ASCII digits
 * ("+5", "0100" and "-0" are all valid). Null when it is not one or lies outside [min, max].
 */
export function parseWholeNumber(text: string, min = LONG_MIN, max = LONG_MAX): bigint | null {
  const trimmed = text.trim();
  if (!/^[+-]?\d+$/.test(trimmed)) return null;
  const value = BigInt(trimmed);
  return value < min || value > max ? null : value;
}

/**
 * A decimal number such as "0.5", ".5" or "5e-1". Stricter than `Double.parseDouble`, which also
 * takes "NaN", "Infinity", hex floats and a trailing "d": NaN even slips through Kafka's range
 * validator, so a form should never offer it.
 */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/** Kafka compares booleans with `equalsIgnoreCase` after trimming: "TRUE" is true, "yes" is not. */
export function parseBoolean(text: string): boolean | null {
  const lower = text.trim().toLowerCase();
  if (lower === "true") return true;
  if (lower === "false") return false;
  return null;
}

/**
 * A LIST config: "" is the empty list; otherwise items split on commas with the spaces around them
 * dropped. Null when an item is empty ("delete,"), which Kafka refuses ("values must not be empty").
 * Duplicates are removed, as Kafka does (with a warning in its log).
 */
export function parseList(text: string): string[] | null {
  const trimmed = text.trim();
  if (trimmed === "") return [];
  const items = trimmed.split(/\s*,\s*/);
  if (items.some((item) => item === "")) return null;
  return [...new Set(items)];
}
