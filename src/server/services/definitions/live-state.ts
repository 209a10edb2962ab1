import "server-only";
import type { TLiveTopic } from "~/domain/definitions/drift";
import type { TDefinitionKafkaFields } from "~/domain/definitions/drift";
import { readLiveCluster, type TLiveCluster } from "~/server/kafka/topics/live-topics";
import { getCluster } from "../clusters/registered-clusters";

/**
 * Every topic of a cluster as Kafka holds it, with the effective value of every config (defaults
 * included); only `topicNames` when given. Two requests whatever the topic count.
 */
export async function readLiveTopics(clusterId: string, topicNames?: string[]): Promise<Map<string, TLiveTopic>> {
  const { topics } = await readLiveCluster(await getCluster(clusterId), { configsOf: topicNames });
  if (!topicNames) return topics;
  const wanted = new Set(topicNames);
  return new Map([...topics].filter(([name]) => wanted.has(name)));
}

/**
 * What drift and plans need for these definitions: every topic's partitions and replication factor
 * (a new name is checked against all of them), and only the configs the definitions mention, of
 * the defined topics only — for 5,000 topics that is a fraction of a full DescribeConfigs.
 */
export async function readLiveFor(
  target: Parameters<typeof readLiveCluster>[0],
  definitions: readonly TDefinitionKafkaFields[],
): Promise<TLiveCluster> {
  const configNames = new Set<string>();
  for (const definition of definitions) for (const name of Object.keys(definition.configs)) configNames.add(name);
  return readLiveCluster(target, {
    configsOf: definitions.map((definition) => definition.topicName),
    configNames: [...configNames],
  });
}
