import { formatBytes, formatRetentionBytes } from "~/domain/topics/sizes";
import { formatDurationMs, formatRetentionMs } from "~/domain/topics/durations";
import type { TConfigSource, TTopicConfigEntry } from "~/domain/topics/topic-dto";
import { findTopicConfig } from "~/domain/topics/topic-configs";

/** Where a value comes from, in words (Kafka's DescribeConfigs source). */
export const CONFIG_SOURCE_LABELS: Record<TConfigSource, string> = {
  "dynamic-topic": "set on this topic",
  "dynamic-broker": "broker config (set on one broker)",
  "dynamic-default-broker": "broker config (cluster-wide default)",
  "static-broker": "broker config (server.properties)",
  default: "default",
  "dynamic-broker-logger": "broker logger config",
  unknown: "unknown source",
};

/** A reading of a value for people ("2 h", "1 GiB", "forever"), or null when the raw value says it all. */
export function readableConfigValue(name: string, value: string): string | null {
  const config = findTopicConfig(name);
  const special = config?.specialValues?.[value.trim()];
  if (special !== undefined) return special;
  if (!/^-?\d+$/.test(value.trim())) return null;
  let readable: string | null = null;
  if (config?.unit === "ms") readable = name === "retention.ms" ? formatRetentionMs(value) : formatDurationMs(value);
  if (config?.unit === "bytes")
    readable = name === "retention.bytes" ? formatRetentionBytes(value) : formatBytes(value);
  return readable === null || readable === value || readable === `${value} ms` || readable === `${value} B`
    ? null
    : readable;
}

/** Shown by default: values something other than Kafka's built-in default decides. */
export function isOverridden(entry: TTopicConfigEntry): boolean {
  return !entry.isDefault;
}
