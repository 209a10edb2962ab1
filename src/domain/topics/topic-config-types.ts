/** The shape of one entry of the topic config catalogue (see topic-configs.ts). */

/**
 * Kafka's `ConfigDef.Type` for the config; `enum` is a STRING restricted by a `ValidString`,
 * `list` a LIST whose items are either restricted to `values` or are partition:broker pairs.
 */
export type TTopicConfigType = "long" | "int" | "double" | "boolean" | "enum" | "list";

/** Where the create form shows a config. */
export type TTopicConfigGroup =
  "retention" | "compaction" | "segments" | "tiered-storage" | "durability" | "records" | "throttling";

export type TTopicConfig = {
  /** Kafka's name, e.g. "retention.ms". */
  name: string;
  type: TTopicConfigType;
  group: TTopicConfigGroup;
  /** Kafka 4.x's default, as `kafka-configs --describe` prints it ("" for an empty list). */
  defaultValue: string;
  /** One plain line for the form. */
  description: string;
  /** Completes "<name> must be …." — the sentence for any invalid value. */
  requirement: string;
  /** For `enum`: the allowed values. For `list`: the allowed items (absent for replica lists). */
  values?: readonly string[];
  /** Inclusive bounds from Kafka's `ConfigDef.Range` validator, as decimal strings (longs exceed 2^53). */
  min?: string;
  max?: string;
  /** Values with a special meaning, e.g. { "-1": "forever" }; they are allowed even outside [min, max]. */
  specialValues?: Readonly<Record<string, string>>;
  /** How the form reads and shows a number: a duration or a size. */
  unit?: "ms" | "bytes";
};

/** Long.MAX_VALUE, which Kafka uses as the default for "no limit". */
export const LONG_MAX_STRING = "9223372036854775807";
