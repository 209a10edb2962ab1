import "server-only";
import type { TLiveTopic } from "~/domain/definitions/drift";
import { withMetadata, type ClusterTarget } from "../client-registry";
import type { InternalCluster } from "../internal-cluster";
import { kafkaErrorType } from "../kafka-errors";
import { DYNAMIC_TOPIC_CONFIG_SOURCE, describeTopicConfigs } from "./topic-config-reads";

export type TLiveCluster = { topics: Map<string, TLiveTopic>; liveBrokerCount: number };

export type TReadLiveTopicsOptions = {
  /**
   * Read the configs of these topics only (all when undefined). Every topic is in the map whatever
   * this says — the others with no configs — because a plan checks new names against all of them.
   */
  configsOf?: readonly string[];
  /**
   * Only these configs (what the definitions mention): for 5,000 topics, every config of every
   * topic is a response of ~150,000 entries, most of which no definition looks at. Null: all.
   */
  configNames?: string[] | null;
  /** Only the topic's own overrides (what an imported definition should say), not broker defaults. */
  overridesOnly?: boolean;
};

/**
 * Every topic as Kafka holds it — partition count, replication factor, effective configs — in two
 * requests however many topics: one Metadata and one DescribeConfigs.
 */
export async function readLiveCluster(target: ClusterTarget, options: TReadLiveTopicsOptions): Promise<TLiveCluster> {
  return withMetadata(target, (cluster) =>
    read(cluster, options).catch((error: unknown) => {
      // A topic deleted between Metadata and DescribeConfigs fails the whole request; fresh metadata no longer names it.
      if (kafkaErrorType(error) !== "UNKNOWN_TOPIC_OR_PARTITION") throw error;
      return read(cluster, options);
    }),
  );
}

async function read(cluster: InternalCluster, options: TReadLiveTopicsOptions): Promise<TLiveCluster> {
  const metadata = await cluster.metadata();
  const wanted = options.configsOf ? new Set(options.configsOf) : null;
  const described = wanted ? metadata.topicMetadata.filter((topic) => wanted.has(topic.topic)) : metadata.topicMetadata;
  const configNames = options.configNames === undefined ? null : options.configNames;
  // An empty list of config names means "all" to Kafka: skip the request when none are wanted.
  const configs =
    configNames !== null && configNames.length === 0
      ? new Map()
      : await describeTopicConfigs(
          cluster,
          metadata,
          described.map((topic) => topic.topic),
          configNames,
        );
  const result = new Map<string, TLiveTopic>();
  for (const topic of metadata.topicMetadata) {
    const live: Record<string, string> = {};
    for (const entry of configs.get(topic.topic) ?? []) {
      if (entry.configValue === null || entry.isSensitive) continue;
      if (options.overridesOnly && entry.configSource !== DYNAMIC_TOPIC_CONFIG_SOURCE) continue;
      live[entry.configName] = entry.configValue;
    }
    result.set(topic.topic, {
      name: topic.topic,
      partitions: topic.partitionMetadata.length,
      replicationFactor: Math.max(0, ...topic.partitionMetadata.map((partition) => partition.replicas.length)),
      configs: live,
    });
  }
  return { topics: result, liveBrokerCount: metadata.brokers.length };
}
