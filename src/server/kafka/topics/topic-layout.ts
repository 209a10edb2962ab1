import "server-only";
import { withMetadata, type ClusterTarget } from "../client-registry";
import { readTopicMetadata } from "./topic-metadata";

export type TTopicLayout = { partitions: number; replicationFactor: number };

/** A topic's partition count and replication factor (its first partition's replicas); NOT_FOUND when missing. */
export async function readTopicLayout(target: ClusterTarget, name: string): Promise<TTopicLayout> {
  const { topic } = await withMetadata(target, (cluster) => readTopicMetadata(cluster, name));
  const replicas = topic.partitionMetadata[0]?.replicas.length ?? 1;
  return { partitions: topic.partitionMetadata.length, replicationFactor: Math.max(1, replicas) };
}
