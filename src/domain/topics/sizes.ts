import { LONG_MAX } from "./kafka-values";
import {
  aliasTable,
  largestExactUnit,
  scaleDecimal,
  splitAmountAndUnit,
  type TAmountResult,
  type TUnitScale,
} from "./unit-amount";

/** Sizes for `*.bytes` configs: what the form offers, and bytes as a decimal string. */

export type TByteUnit = "B" | "KiB" | "MiB" | "GiB" | "TiB";

/** Binary units: Kafka's own sizes are powers of 1024 (segment.bytes is 1 GiB = 1073741824). */
export const BYTE_UNITS: readonly TUnitScale<TByteUnit>[] = [
  { unit: "B", factor: 1n },
  { unit: "KiB", factor: 1024n },
  { unit: "MiB", factor: 1024n ** 2n },
  { unit: "GiB", factor: 1024n ** 3n },
  { unit: "TiB", factor: 1024n ** 4n },
];

const UNIT_ALIASES = aliasTable<TByteUnit>({
  B: ["b", "byte", "bytes"],
  KiB: ["kib"],
  MiB: ["mib"],
  GiB: ["gib"],
  TiB: ["tib"],
});

/** Decimal units a user might type; refused rather than guessed, since 1 GB and 1 GiB differ by 7%. */
const DECIMAL_UNITS = new Set(["k", "kb", "m", "mb", "g", "gb", "t", "tb"]);

/** The -1 of retention.bytes and local.retention.bytes. */
export const UNLIMITED_BYTES = "-1";

/** An amount in one unit as bytes: ("1.5", "GiB") → "1610612736". */
export function bytesToString(amount: string, unit: TByteUnit): TAmountResult {
  const factor = BYTE_UNITS.find((scale) => scale.unit === unit)?.factor ?? 1n;
  const trimmed = amount.trim();
  if (trimmed.startsWith("-")) {
    return { ok: false, message: "A size cannot be negative; choose unlimited for no size limit." };
  }
  const bytes = scaleDecimal(trimmed, factor);
  if (bytes === null) return { ok: false, message: `'${trimmed}' is not a number.` };
  if (bytes === "fraction") return { ok: false, message: "A size must come to a whole number of bytes." };
  if (bytes > LONG_MAX) return { ok: false, message: "That size is larger than Kafka can store." };
  return { ok: true, value: bytes.toString() };
}

/** What a user typed — "1 GiB", "512MiB", "1073741824" (bare numbers are bytes), "unlimited" or "-1". */
export function parseBytes(text: string): TAmountResult {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, message: "Enter a size such as 512 MiB or 1 GiB." };
  if (trimmed.toLowerCase() === "unlimited" || trimmed === UNLIMITED_BYTES) return { ok: true, value: UNLIMITED_BYTES };
  if (trimmed.startsWith("-")) return bytesToString(trimmed, "B");
  const parts = splitAmountAndUnit(trimmed);
  if (parts === null)
    return { ok: false, message: `'${trimmed}' is not a size; write a number and a unit such as 512 MiB.` };
  const unitText = parts.unitText.toLowerCase();
  if (DECIMAL_UNITS.has(unitText)) {
    return {
      ok: false,
      message: `Write sizes in KiB, MiB, GiB or TiB (1 KiB = 1024 B) rather than ${parts.unitText}.`,
    };
  }
  const unit = unitText === "" ? "B" : UNIT_ALIASES.get(unitText);
  if (unit === undefined)
    return { ok: false, message: `'${parts.unitText}' is not a unit of size; use B, KiB, MiB, GiB or TiB.` };
  return bytesToString(parts.amount, unit);
}

/** A stored value as number + unit for the form ("1073741824" → 1 GiB); null for -1 and non-numbers. */
export function splitBytes(bytes: string): { amount: string; unit: TByteUnit } | null {
  if (!/^\d+$/.test(bytes.trim())) return null;
  return largestExactUnit(BigInt(bytes.trim()), BYTE_UNITS);
}

/**
 * For display: "1073741824" → "1 GiB"; a value no unit divides keeps its exact bytes and adds a
 * rounded reading: "1048588" → "1048588 B (about 1 MiB)". Text that is not a number is returned as is.
 */
export function formatBytes(bytes: string): string {
  const trimmed = bytes.trim();
  if (!/^-?\d+$/.test(trimmed)) return bytes;
  const value = BigInt(trimmed);
  const exact = value > 0n ? largestExactUnit(value, BYTE_UNITS) : null;
  if (exact === null || exact.unit === "B") {
    const largest = [...BYTE_UNITS].reverse().find((scale) => value >= scale.factor);
    if (largest === undefined || largest.unit === "B") return `${value} B`;
    return `${value} B (about ${roundTo2(value, largest.factor)} ${largest.unit})`;
  }
  return `${exact.amount} ${exact.unit}`;
}

/** retention.bytes for display: any negative value means no limit to Kafka, shown as "unlimited". */
export function formatRetentionBytes(bytes: string): string {
  return /^\s*-\d+\s*$/.test(bytes) ? "unlimited" : formatBytes(bytes);
}

/** value / factor rounded to two decimals, trailing zeros dropped: 1.4648 → "1.46", 1.0000114 → "1". */
function roundTo2(value: bigint, factor: bigint): string {
  const hundredths = (value * 100n + factor / 2n) / factor;
  const whole = hundredths / 100n;
  const fraction = (hundredths % 100n).toString().padStart(2, "0").replace(/0+$/, "");
  return fraction === "" ? whole.toString() : `${whole}.${fraction}`;
}
