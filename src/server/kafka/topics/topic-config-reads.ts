import "server-only";
import type { TConfigSource, TTopicConfigEntry } from "~/domain/topics/topic-dto";
import { TOPIC_RESOURCE, type InternalCluster, type RawConfigEntry, type RawMetadata } from "../internal-cluster";

/** kafkajs/src/protocol/configSource.js: DescribeConfigs v1+ says where each value comes from. */
const CONFIG_SOURCES: Record<number, TConfigSource> = {
  1: "dynamic-topic",
  2: "dynamic-broker",
  3: "dynamic-default-broker",
  4: "static-broker",
  5: "default",
  6: "dynamic-broker-logger",
};

export const DYNAMIC_TOPIC_CONFIG_SOURCE = 1;

export function toConfigSource(configSource: number): TConfigSource {
  return CONFIG_SOURCES[configSource] ?? "unknown";
}

export function toTopicConfigEntry(entry: RawConfigEntry): TTopicConfigEntry {
  return {
    name: entry.configName,
    // Sensitive values stay on the server (the broker sends null for them anyway; this makes sure).
    value: entry.isSensitive ? null : entry.configValue,
    source: toConfigSource(entry.configSource),
    isDefault: entry.isDefault,
    isSensitive: entry.isSensitive,
    readOnly: entry.readOnly,
  };
}

/**
 * Configs of many topics in ONE DescribeConfigs request. Any broker answers for topic resources,
 * so we ask the controller the metadata names (or the first broker) directly instead of through
 * `admin.describeConfigs`, which first refreshes metadata for every topic of the cluster.
 */
export async function describeTopicConfigs(
  cluster: InternalCluster,
  metadata: RawMetadata,
  topicNames: readonly string[],
  /** Null: every config. */
  configNames: string[] | null,
): Promise<Map<string, RawConfigEntry[]>> {
  const result = new Map<string, RawConfigEntry[]>();
  if (topicNames.length === 0) return result;
  const nodeId = metadata.brokers.some((broker) => broker.nodeId === metadata.controllerId)
    ? metadata.controllerId
    : metadata.brokers[0]?.nodeId;
  if (nodeId === undefined || nodeId === null) return result;
  const broker = await cluster.findBroker({ nodeId });
  const response = await broker.describeConfigs({
    resources: topicNames.map((name) => ({ type: TOPIC_RESOURCE, name, configNames: configNames ?? [] })),
    // Synonyms are needed for nothing here, and they triple the response for 5,000 topics.
    includeSynonyms: false,
  });
  for (const resource of response.resources) result.set(resource.resourceName, resource.configEntries);
  return result;
}
