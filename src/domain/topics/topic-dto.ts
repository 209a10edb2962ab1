import { z } from "zod";

/**
 * What the server's topic layer returns. Offsets and message counts are int64 in Kafka, so they
 * travel as decimal strings.
 */

const ZInt64String = z.string().regex(/^-?\d+$/);

/** One row of the topic list. */
export const ZTopicSummary = z.object({
  name: z.string(),
  /** Kafka's own topics (__consumer_offsets, __transaction_state…), flagged by the broker. */
  isInternal: z.boolean(),
  partitionCount: z.number().int(),
  /** The most replicas any partition has (they differ only after a partial reassignment). */
  replicationFactor: z.number().int(),
  /** Partitions whose ISR is smaller than their replica set. */
  underReplicatedPartitions: z.number().int(),
  /** Partitions without a leader. */
  offlinePartitions: z.number().int(),
  /**
   * Sum over partitions of high − low watermark. An estimate: compaction, transaction markers and
   * deleted records make it larger than the number of readable records. Null when not fetched
   * (outside the requested page, or a partition without a leader).
   */
  messageCount: ZInt64String.nullable(),
  /** The effective values (topic override or broker default); null when not fetched. */
  retentionMs: z.string().nullable(),
  retentionBytes: z.string().nullable(),
  cleanupPolicy: z.string().nullable(),
});
export type TTopicSummary = z.infer<typeof ZTopicSummary>;

export const ZTopicPartition = z.object({
  partition: z.number().int(),
  /** Broker id of the leader, or null when the partition is offline. */
  leader: z.number().int().nullable(),
  replicas: z.array(z.number().int()),
  isr: z.array(z.number().int()),
  offlineReplicas: z.array(z.number().int()),
  /** Null when the partition has no leader to ask. */
  lowWatermark: ZInt64String.nullable(),
  highWatermark: ZInt64String.nullable(),
});
export type TTopicPartition = z.infer<typeof ZTopicPartition>;

/** Where a config's effective value comes from, in Kafka's DescribeConfigs terms. */
export const ZConfigSource = z.enum([
  "dynamic-topic",
  "dynamic-broker",
  "dynamic-default-broker",
  "static-broker",
  "default",
  "dynamic-broker-logger",
  "unknown",
]);
export type TConfigSource = z.infer<typeof ZConfigSource>;

export const ZTopicConfigEntry = z.object({
  name: z.string(),
  /** Null for sensitive configs (never sent to the browser) and for configs without a value. */
  value: z.string().nullable(),
  source: ZConfigSource,
  /** True when nothing overrides Kafka's built-in default. */
  isDefault: z.boolean(),
  isSensitive: z.boolean(),
  readOnly: z.boolean(),
});
export type TTopicConfigEntry = z.infer<typeof ZTopicConfigEntry>;

export const ZTopicDescription = z.object({
  name: z.string(),
  isInternal: z.boolean(),
  partitions: z.array(ZTopicPartition),
  configs: z.array(ZTopicConfigEntry),
});
export type TTopicDescription = z.infer<typeof ZTopicDescription>;

/** A change to a topic's own config overrides: `null` removes the override (back to the default). */
export const ZTopicConfigChanges = z.record(z.string(), z.string().nullable());
export type TTopicConfigChanges = z.infer<typeof ZTopicConfigChanges>;

/** One sampled record: where it went and its key (UTF-8, null for records without a key). */
export const ZSampledKey = z.object({ partition: z.number().int(), key: z.string().nullable() });
export type TSampledKey = z.infer<typeof ZSampledKey>;

/** The timestamps (ms since the epoch) of a partition's oldest and newest retained record; null when it is empty. */
export const ZPartitionTimestamps = z.object({
  partition: z.number().int(),
  oldestTimestamp: z.number().nullable(),
  newestTimestamp: z.number().nullable(),
});
export type TPartitionTimestamps = z.infer<typeof ZPartitionTimestamps>;
