import "server-only";
import type { Kafka } from "kafkajs";

/**
 * kafkajs's public admin API drops what an operator needs from a metadata response (broker racks,
 * internal-topic flags, offline replicas) and asks for all topics twice to describe a cluster.
 * Its internal `Cluster` class returns the decoded response whole. kafkajs 2.2.4 is frozen, so we
 * reach that class through the client's own private factory — built with the very same options
 * (brokers, SSL, SASL, socket factory) as every other client of this cluster. This file is the only
 * place that knows about it; its shape is pinned by `internal-cluster.int.test.ts`.
 */

type RawBroker = { nodeId: number; host: string; port: number; rack: string | null };
type RawPartition = {
  partitionErrorCode: number;
  partitionId: number;
  leader: number;
  replicas: number[];
  isr: number[];
  offlineReplicas?: number[];
};
type RawTopic = { topicErrorCode: number; topic: string; isInternal: boolean; partitionMetadata: RawPartition[] };

export type RawMetadata = {
  brokers: RawBroker[];
  clusterId: string | null;
  controllerId: number | null;
  topicMetadata: RawTopic[];
};

export type InternalCluster = {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  /** Topics `[]` (the default) means every topic, as in kafkajs. */
  metadata(request?: { topics?: string[] }): Promise<RawMetadata>;
};

type ClusterFactory = (options: { allowAutoTopicCreation: boolean; metadataMaxAge?: number }) => InternalCluster;

const CREATE_CLUSTER = "private:Kafka:createCluster";

export function createInternalCluster(kafka: Kafka): InternalCluster {
  const symbol = Object.getOwnPropertySymbols(kafka).find((candidate) => candidate.description === CREATE_CLUSTER);
  const factory = symbol ? (kafka as unknown as Record<symbol, unknown>)[symbol] : undefined;
  if (typeof factory !== "function") {
    throw new Error(`kafkajs no longer exposes ${CREATE_CLUSTER}; the adapter in internal-cluster.ts needs updating`);
  }
  return (factory as ClusterFactory)({ allowAutoTopicCreation: false });
}
