import "server-only";
import type { TTopicSummary } from "~/domain/topics/topic-dto";
import { withMetadata, type ClusterTarget } from "../client-registry";
import type { InternalCluster, RawMetadata } from "../internal-cluster";
import { kafkaErrorType } from "../kafka-errors";
import { describeTopicConfigs } from "./topic-config-reads";
import { estimateMessageCount, fetchWatermarks, type TWatermarksByTopic } from "./watermarks";

export type TListTopicsOptions = {
  includeInternal: boolean;
  /**
   * Limit watermarks and configs to these topics (one page of the list). Every topic still gets
   * its metadata fields, which are cheap and needed to sort and search the whole list. A function
   * picks the names from those metadata-only summaries, so one Metadata request serves both steps.
   */
  names?: readonly string[] | ((metadataOnly: TTopicSummary[]) => readonly string[]);
};

export type TListTopicsResult = TTopicSummary[];

const SUMMARY_CONFIGS = ["retention.ms", "retention.bytes", "cleanup.policy"];

type RawTopic = RawMetadata["topicMetadata"][number];

/** The same order as String#localeCompare, without setting up the locale for each of ~60,000 comparisons. */
const byName = new Intl.Collator().compare;

/**
 * Every topic with its partition health, estimated message count and retention configs. The
 * request count does not grow with the topic count: one Metadata, two ListOffsets per leader
 * broker, one DescribeConfigs.
 */
export async function listTopicSummaries(
  target: ClusterTarget,
  options: TListTopicsOptions,
): Promise<TListTopicsResult> {
  return withMetadata(target, (cluster) =>
    summarise(cluster, options).catch((error: unknown) => {
      // A topic deleted between our metadata request and DescribeConfigs fails the whole request
      // (kafkajs throws the first resource error); fresh metadata no longer names it.
      if (kafkaErrorType(error) !== "UNKNOWN_TOPIC_OR_PARTITION") throw error;
      return summarise(cluster, options);
    }),
  );
}

async function summarise(cluster: InternalCluster, options: TListTopicsOptions): Promise<TListTopicsResult> {
  const metadata = await cluster.metadata();
  const topics = metadata.topicMetadata.filter((topic) => options.includeInternal || !topic.isInternal);
  const names =
    typeof options.names === "function"
      ? options.names(topics.map((topic) => toSummary(topic, null, undefined)))
      : options.names;
  const wanted = names ? new Set(names) : null;
  const detailed = wanted ? topics.filter((topic) => wanted.has(topic.topic)) : topics;
  const [watermarks, configs] = await Promise.all([
    fetchWatermarks(cluster, detailed),
    describeTopicConfigs(
      cluster,
      metadata,
      detailed.map((topic) => topic.topic),
      SUMMARY_CONFIGS,
    ),
  ]);
  const detailedNames = new Set(detailed.map((topic) => topic.topic));
  return topics
    .map((topic) => toSummary(topic, detailedNames.has(topic.topic) ? watermarks : null, configs.get(topic.topic)))
    .sort((a, b) => byName(a.name, b.name));
}

function toSummary(
  topic: RawTopic,
  watermarks: TWatermarksByTopic | null,
  configs: { configName: string; configValue: string | null }[] | undefined,
): TTopicSummary {
  const partitions = topic.partitionMetadata;
  const config = (name: string) => configs?.find((entry) => entry.configName === name)?.configValue ?? null;
  return {
    name: topic.topic,
    isInternal: topic.isInternal,
    partitionCount: partitions.length,
    replicationFactor: Math.max(0, ...partitions.map((partition) => partition.replicas.length)),
    underReplicatedPartitions: partitions.filter((partition) => partition.isr.length < partition.replicas.length)
      .length,
    offlinePartitions: partitions.filter((partition) => partition.leader < 0).length,
    messageCount: watermarks ? estimateMessageCount(topic, watermarks) : null,
    retentionMs: config("retention.ms"),
    retentionBytes: config("retention.bytes"),
    cleanupPolicy: config("cleanup.policy"),
  };
}
