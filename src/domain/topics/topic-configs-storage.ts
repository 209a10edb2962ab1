import { LONG_MAX_STRING, type TTopicConfig } from "./topic-config-types";

/**
 * How long and how much a topic keeps, compaction, segments and tiered storage. Types, defaults and
 * ranges are Kafka 4.3's `LogConfig` definitions (`kafka-configs --describe --all` shows the same).
 */
export const STORAGE_TOPIC_CONFIGS: readonly TTopicConfig[] = [
  {
    name: "cleanup.policy", type: "list", group: "retention", defaultValue: "delete", values: ["delete", "compact"],
    description: "What happens to old records: delete them after the retention limits, compact to the latest per key, or both.",
    // Kafka 4 documents an empty list as "no cleanup policies": segments are kept forever.
    requirement: "delete, compact, or both separated by a comma (empty keeps everything)",
  },
  {
    name: "retention.ms", type: "long", group: "retention", unit: "ms", defaultValue: "604800000", min: "-1",
    specialValues: { "-1": "forever" },
    description: "How long records are kept before old segments are deleted.",
    requirement: "a whole number of milliseconds, or -1 for forever",
  },
  {
    // Kafka has no validator here: any negative value means no size limit.
    name: "retention.bytes", type: "long", group: "retention", unit: "bytes", defaultValue: "-1",
    specialValues: { "-1": "unlimited" },
    description: "The most data one partition keeps before old segments are deleted (the topic keeps this times its partitions).",
    requirement: "a whole number of bytes per partition, or -1 for unlimited",
  },
  {
    name: "delete.retention.ms", type: "long", group: "compaction", unit: "ms", defaultValue: "86400000", min: "0",
    description: "How long delete markers (tombstones) stay in a compacted topic, so slow readers still see the deletion.",
    requirement: "a whole number of milliseconds, 0 or more",
  },
  {
    name: "min.compaction.lag.ms", type: "long", group: "compaction", unit: "ms", defaultValue: "0", min: "0",
    description: "The least time a record stays uncompacted.",
    requirement: "a whole number of milliseconds, 0 or more",
  },
  {
    name: "max.compaction.lag.ms", type: "long", group: "compaction", unit: "ms", defaultValue: LONG_MAX_STRING, min: "1",
    description: "The longest a record may wait before it can be compacted.",
    requirement: "a whole number of milliseconds, 1 or more",
  },
  {
    name: "min.cleanable.dirty.ratio", type: "double", group: "compaction", defaultValue: "0.5", min: "0", max: "1",
    description: "How much of the log must be uncompacted before the cleaner runs; lower compacts more often.",
    requirement: "a number from 0 to 1",
  },
  {
    // Kafka 4 raised the minimum to 1 MiB (KIP-1030).
    name: "segment.bytes", type: "int", group: "segments", unit: "bytes", defaultValue: "1073741824", min: "1048576",
    description: "The size at which a new segment file starts; retention deletes whole segments.",
    requirement: "a whole number of bytes, at least 1048576 (1 MiB)",
  },
  {
    name: "segment.ms", type: "long", group: "segments", unit: "ms", defaultValue: "604800000", min: "1",
    description: "The time after which a new segment starts even if the current one is not full.",
    requirement: "a whole number of milliseconds, 1 or more",
  },
  {
    name: "segment.jitter.ms", type: "long", group: "segments", unit: "ms", defaultValue: "0", min: "0",
    description: "A random time taken off segment.ms so many partitions do not start new segments at once.",
    requirement: "a whole number of milliseconds, 0 or more",
  },
  {
    name: "segment.index.bytes", type: "int", group: "segments", unit: "bytes", defaultValue: "10485760", min: "4",
    description: "The size of each segment's offset index file; rarely needs changing.",
    requirement: "a whole number of bytes, 4 or more",
  },
  {
    name: "index.interval.bytes", type: "int", group: "segments", unit: "bytes", defaultValue: "4096", min: "0",
    description: "How many bytes lie between entries of the offset index; rarely needs changing.",
    requirement: "a whole number of bytes, 0 or more",
  },
  {
    name: "file.delete.delay.ms", type: "long", group: "segments", unit: "ms", defaultValue: "60000", min: "0",
    description: "How long a deleted segment file waits before it is removed from disk.",
    requirement: "a whole number of milliseconds, 0 or more",
  },
  {
    name: "preallocate", type: "boolean", group: "segments", defaultValue: "false",
    description: "Reserves a new segment's full size on disk when it starts.",
    requirement: "true or false",
  },
  {
    name: "remote.storage.enable", type: "boolean", group: "tiered-storage", defaultValue: "false",
    description: "Copies segments to tiered (remote) storage; the cluster must have tiered storage set up.",
    requirement: "true or false",
  },
  {
    name: "local.retention.ms", type: "long", group: "tiered-storage", unit: "ms", defaultValue: "-2", min: "-2",
    specialValues: { "-2": "same as retention.ms", "-1": "forever" },
    description: "With tiered storage, how long segments stay on the brokers' disks as well as remotely.",
    requirement: "a whole number of milliseconds, -1 for forever, or -2 to follow retention.ms",
  },
  {
    name: "local.retention.bytes", type: "long", group: "tiered-storage", unit: "bytes", defaultValue: "-2", min: "-2",
    specialValues: { "-2": "same as retention.bytes", "-1": "unlimited" },
    description: "With tiered storage, how much of each partition stays on the brokers' disks as well as remotely.",
    requirement: "a whole number of bytes, -1 for unlimited, or -2 to follow retention.bytes",
  },
  {
    name: "remote.log.copy.disable", type: "boolean", group: "tiered-storage", defaultValue: "false",
    description: "Stops copying new segments to remote storage; what is already there stays readable.",
    requirement: "true or false",
  },
  {
    name: "remote.log.delete.on.disable", type: "boolean", group: "tiered-storage", defaultValue: "false",
    description: "Deletes the remote copy when tiered storage is turned off; Kafka requires it to turn it off.",
    requirement: "true or false",
  },
];
