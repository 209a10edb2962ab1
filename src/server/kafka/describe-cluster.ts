import "server-only";
import type { TClusterOverview } from "~/domain/cluster";
import { withMetadata, type ClusterTarget } from "./client-registry";
import type { RawMetadata } from "./internal-cluster";

/** Kafka's "no controller" marker in metadata responses. */
const NO_CONTROLLER = -1;

/** One metadata request for every topic; brokers, controller and partition health from its answer. */
export async function describeClusterOverview(target: ClusterTarget): Promise<TClusterOverview> {
  const metadata = await withMetadata(target, (cluster) => cluster.metadata());
  return toClusterOverview(metadata);
}

export function toClusterOverview(metadata: RawMetadata): TClusterOverview {
  const controllerId =
    metadata.controllerId === null || metadata.controllerId === NO_CONTROLLER ? null : metadata.controllerId;
  const partitions = metadata.topicMetadata.flatMap((topic) => topic.partitionMetadata);
  return {
    clusterId: metadata.clusterId,
    controllerId,
    brokers: metadata.brokers
      .map((broker) => ({
        nodeId: broker.nodeId,
        host: broker.host,
        port: broker.port,
        rack: broker.rack ?? null,
        isController: broker.nodeId === controllerId,
        leaderCount: partitions.filter((partition) => partition.leader === broker.nodeId).length,
        replicaCount: partitions.filter((partition) => partition.replicas.includes(broker.nodeId)).length,
      }))
      .sort((a, b) => a.nodeId - b.nodeId),
    topicCount: metadata.topicMetadata.filter((topic) => !topic.isInternal).length,
    internalTopicCount: metadata.topicMetadata.filter((topic) => topic.isInternal).length,
    partitionCount: partitions.length,
    underReplicatedPartitionCount: partitions.filter((partition) => partition.isr.length < partition.replicas.length)
      .length,
    offlinePartitionCount: partitions.filter((partition) => partition.leader < 0).length,
  };
}
