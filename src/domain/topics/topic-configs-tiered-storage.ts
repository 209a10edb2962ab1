import type { TTopicConfig } from "./topic-config-types";

/** Tiered storage (KIP-405): copies of segments in remote storage. Kafka 4.3's `LogConfig` definitions. */
export const TIERED_STORAGE_TOPIC_CONFIGS: readonly TTopicConfig[] = [
  {
    name: "remote.storage.enable",
    type: "boolean",
    group: "tiered-storage",
    defaultValue: "false",
    description: "Copies segments to tiered (remote) storage; the cluster must have tiered storage set up.",
    requirement: "true or false",
  },
  {
    name: "local.retention.ms",
    type: "long",
    group: "tiered-storage",
    unit: "ms",
    defaultValue: "-2",
    min: "-2",
    specialValues: { "-2": "same as retention.ms", "-1": "forever" },
    description: "With tiered storage, how long segments stay on the brokers' disks as well as remotely.",
    requirement: "a whole number of milliseconds, -1 for forever, or -2 to follow retention.ms",
  },
  {
    name: "local.retention.bytes",
    type: "long",
    group: "tiered-storage",
    unit: "bytes",
    defaultValue: "-2",
    min: "-2",
    specialValues: { "-2": "same as retention.bytes", "-1": "unlimited" },
    description: "With tiered storage, how much of each partition stays on the brokers' disks as well as remotely.",
    requirement: "a whole number of bytes, -1 for unlimited, or -2 to follow retention.bytes",
  },
  {
    name: "remote.log.copy.disable",
    type: "boolean",
    group: "tiered-storage",
    defaultValue: "false",
    description: "Stops copying new segments to remote storage; what is already there stays readable.",
    requirement: "true or false",
  },
  {
    name: "remote.log.delete.on.disable",
    type: "boolean",
    group: "tiered-storage",
    defaultValue: "false",
    description: "Deletes the remote copy when tiered storage is turned off; Kafka requires it to turn it off.",
    requirement: "true or false",
  },
];
