import {
  INT_MAX,
  INT_MIN,
  LONG_MAX,
  LONG_MIN,
  parseBoolean,
  parseDecimal,
  parseList,
  parseWholeNumber,
} from "./kafka-values";
import type { TTopicConfig } from "./topic-config-types";
import { RECORD_TOPIC_CONFIGS } from "./topic-configs-records";
import { STORAGE_TOPIC_CONFIGS } from "./topic-configs-storage";
import { TIERED_STORAGE_TOPIC_CONFIGS } from "./topic-configs-tiered-storage";

/** Every topic-level config of Kafka 4.x that a user may set (Kafka's `internal.*` test configs left out). */
export const TOPIC_CONFIGS: readonly TTopicConfig[] = [
  ...STORAGE_TOPIC_CONFIGS,
  ...TIERED_STORAGE_TOPIC_CONFIGS,
  ...RECORD_TOPIC_CONFIGS,
];

const BY_NAME = new Map(TOPIC_CONFIGS.map((config) => [config.name, config]));

/** Configs Kafka 4.0 removed (KIP-724, KIP-937): a 4.x broker answers "Unknown topic config name". */
// A Map, not an object literal: a key such as "constructor" must not find Object.prototype's.
const REMOVED_IN_KAFKA_4 = new Map([
  ["message.downconversion.enable", "message.downconversion.enable was removed in Kafka 4.0."],
  ["message.format.version", "message.format.version was removed in Kafka 4.0."],
  [
    "message.timestamp.difference.max.ms",
    "message.timestamp.difference.max.ms was removed in Kafka 4.0; use message.timestamp.before.max.ms and message.timestamp.after.max.ms.",
  ],
]);

export function findTopicConfig(name: string): TTopicConfig | null {
  return BY_NAME.get(name) ?? null;
}

/** The result of checking one value: Kafka's canonical form of it, or the sentence a user reads. */
export type TConfigValueResult = { ok: true; normalized: string } | { ok: false; message: string };

/**
 * Checks one topic config value as Kafka's `LogConfig.validate` would, before it is sent in
 * CreateTopics or IncrementalAlterConfigs (both carry values as strings). `normalized` is the
 * trimmed, canonical value ("+5" → "5", "TRUE" → "true", " compact , delete " → "compact,delete").
 */
export function validateTopicConfig(name: string, value: string): TConfigValueResult {
  const config = BY_NAME.get(name);
  if (config === undefined) {
    return { ok: false, message: REMOVED_IN_KAFKA_4.get(name) ?? `${name} is not a topic config Kafka knows.` };
  }
  const tooLarge = exceededMaximum(config, value);
  if (tooLarge !== null) return { ok: false, message: `${name} is larger than the maximum ${tooLarge}.` };
  const normalized = normalizeValue(config, value);
  return normalized === null
    ? { ok: false, message: `${name} must be ${config.requirement}.` }
    : { ok: true, normalized };
}

/**
 * The maximum a well-formed number exceeds, or null. "99999999999999999999" for a long is a whole
 * number, just too large for Java's long; calling it "not a whole number" would send the user looking
 * for a typo.
 */
function exceededMaximum(config: TTopicConfig, value: string): string | null {
  const trimmed = value.trim();
  if ((config.type === "long" || config.type === "int") && /^[+-]?\d+$/.test(trimmed)) {
    const max = config.max === undefined ? (config.type === "long" ? LONG_MAX : INT_MAX) : BigInt(config.max);
    return BigInt(trimmed) > max ? max.toString() : null;
  }
  if (config.type === "double" && config.max !== undefined) {
    const number = parseDecimal(trimmed);
    return number !== null && number > Number(config.max) ? config.max : null;
  }
  return null;
}

function normalizeValue(config: TTopicConfig, value: string): string | null {
  const special = config.specialValues ?? {};
  switch (config.type) {
    case "long":
    case "int": {
      const [typeMin, typeMax] = config.type === "long" ? [LONG_MIN, LONG_MAX] : [INT_MIN, INT_MAX];
      const number = parseWholeNumber(value, typeMin, typeMax);
      if (number === null) return null;
      if (Object.hasOwn(special, number.toString())) return number.toString();
      const min = config.min === undefined ? typeMin : BigInt(config.min);
      const max = config.max === undefined ? typeMax : BigInt(config.max);
      return number < min || number > max ? null : number.toString();
    }
    case "double": {
      const number = parseDecimal(value);
      if (number === null) return null;
      const tooLow = config.min !== undefined && number < Number(config.min);
      const tooHigh = config.max !== undefined && number > Number(config.max);
      return tooLow || tooHigh ? null : number.toString();
    }
    case "boolean": {
      const flag = parseBoolean(value);
      return flag === null ? null : String(flag);
    }
    case "enum": {
      // Kafka's ValidString is case-sensitive: "LZ4" is refused, so it is refused here too.
      const trimmed = value.trim();
      return config.values?.includes(trimmed) ? trimmed : null;
    }
    case "list": {
      const items = parseList(value);
      if (items === null) return null;
      const allowed =
        config.values === undefined
          ? isThrottledReplicaList(items)
          : items.every((item) => config.values?.includes(item));
      return allowed ? items.join(",") : null;
    }
  }
}

/** Kafka's `ThrottledReplicaListValidator`: exactly ["*"], or partitionId:brokerId pairs. */
function isThrottledReplicaList(items: string[]): boolean {
  if (items.length === 1 && items[0] === "*") return true;
  return items.every((item) => /^\d+:\d+$/.test(item));
}

/**
 * Rules across configs that Kafka's `LogConfig.validate` enforces on the whole set, checked on
 * values already normalized. Returns config name → sentence.
 */
export function crossConfigErrors(configs: Readonly<Record<string, string>>): Record<string, string> {
  const errors: Record<string, string> = {};
  // Unset means Kafka's default; a value that does not parse is reported by validateTopicConfig instead.
  const minLag = parseWholeNumber(configs["min.compaction.lag.ms"] ?? "0");
  const maxLag = parseWholeNumber(configs["max.compaction.lag.ms"] ?? LONG_MAX.toString());
  // LogConfig: "conflict topic config setting min.compaction.lag.ms (…) > max.compaction.lag.ms (…)".
  if (minLag !== null && maxLag !== null && minLag > maxLag) {
    errors["min.compaction.lag.ms"] =
      `min.compaction.lag.ms (${minLag}) cannot be larger than max.compaction.lag.ms (${maxLag}).`;
  }
  return errors;
}
