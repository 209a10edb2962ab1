import type { TTopicSpec } from "./topic-spec";

export type TTopicPresetId = "raw-telemetry" | "clean-data" | "compacted-state";

/** A starting point for the create form; the user names the topic and may change anything. */
export type TTopicPreset = {
  id: TTopicPresetId;
  label: string;
  /** One line the form shows under the preset's name. */
  summary: string;
  /** The spec for a cluster with this many live brokers (the name is left to the user). */
  build: (liveBrokerCount: number) => Omit<TTopicSpec, "name">;
};

/** Three copies where the cluster has three brokers, fewer on smaller clusters (never more than brokers). */
export function presetReplicationFactor(liveBrokerCount: number): number {
  return Math.min(3, Math.max(1, liveBrokerCount));
}

/**
 * 6 partitions: it divides evenly among 1, 2, 3 or 6 consumers and spreads evenly over 1, 2 or 3
 * brokers, and partitions can be added later but never removed.
 */
const PARTITIONS = 6;

/** min.insync.replicas 2 only with three copies: with two it would stop acks=all writes when one broker is down. */
function durableConfigs(replicationFactor: number): Record<string, string> {
  return replicationFactor >= 3 ? { "min.insync.replicas": "2" } : {};
}

export const TOPIC_PRESETS: readonly TTopicPreset[] = [
  {
    id: "raw-telemetry",
    label: "Raw telemetry",
    summary: "High-volume readings kept for a week, then deleted.",
    build: (liveBrokerCount) => ({
      partitions: PARTITIONS,
      replicationFactor: presetReplicationFactor(liveBrokerCount),
      configs: {
        "cleanup.policy": "delete",
        // Kafka's default, written out so a broker-wide log.retention.* does not silently change it.
        "retention.ms": String(7 * 24 * 3_600_000),
        // Sensors often send uncompressed batches; lz4 is the cheapest codec for the broker to apply
        // and still shrinks repetitive readings several times on disk and between replicas.
        "compression.type": "lz4",
        // No min.insync.replicas: a lost reading hurts less than sensors blocked by a missing broker.
      },
    }),
  },
  {
    id: "clean-data",
    label: "Clean data",
    summary: "Validated records kept for 30 days, written durably.",
    build: (liveBrokerCount) => {
      const replicationFactor = presetReplicationFactor(liveBrokerCount);
      return {
        partitions: PARTITIONS,
        replicationFactor,
        configs: {
          "cleanup.policy": "delete",
          "retention.ms": String(30 * 24 * 3_600_000),
          // Kept four times longer than raw data and read by many consumers: zstd's better ratio
          // saves the most disk, and decompression happens on the consumers, not the brokers.
          "compression.type": "zstd",
          ...durableConfigs(replicationFactor),
        },
      };
    },
  },
  {
    id: "compacted-state",
    label: "Compacted state",
    summary: "The latest value per key, kept forever: tables, settings, checkpoints.",
    build: (liveBrokerCount) => {
      const replicationFactor = presetReplicationFactor(liveBrokerCount);
      return {
        partitions: PARTITIONS,
        replicationFactor,
        configs: {
          "cleanup.policy": "compact",
          // Readers rebuild state from offset 0; compacting once 10% of the log is superseded (Kafka's
          // default is 50%) keeps that replay short, for more cleaner I/O on what is usually a small topic.
          "min.cleanable.dirty.ratio": "0.1",
          // The active segment is never compacted; rolling hourly instead of weekly lets old values of
          // a key go within hours.
          "segment.ms": String(3_600_000),
          ...durableConfigs(replicationFactor),
        },
      };
    },
  },
];
