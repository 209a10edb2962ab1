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

/**
 * Kafka's isolation levels: READ_UNCOMMITTED sees up to the high watermark; READ_COMMITTED up to
 * the last stable offset, and the response lists the aborted transactions the reader must skip.
 */
export const READ_UNCOMMITTED = 0;
export const READ_COMMITTED = 1;
/** ListOffsets timestamps meaning "the log start offset" and "the high watermark". */
export const EARLIEST_TIMESTAMP = "-2";
export const LATEST_TIMESTAMP = "-1";

type RawListOffsetsRequest = {
  isolationLevel: number;
  topics: { topic: string; partitions: { partition: number; timestamp: string }[] }[];
};
export type RawListOffsetsResponse = {
  responses: { topic: string; partitions: { partition: number; errorCode: number; offset: string }[] }[];
};

type RawFetchRequest = {
  isolationLevel: number;
  maxWaitTime: number;
  minBytes: number;
  maxBytes: number;
  topics: { topic: string; partitions: { partition: number; fetchOffset: string; maxBytes: number }[] }[];
};
/**
 * `timestamp` is milliseconds since the epoch, as a string; with LogAppendTime kafkajs already put
 * the broker's append time there. Header values with a repeated key arrive as an array.
 */
export type RawRecord = {
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, Buffer | null | (Buffer | null)[]>;
  timestamp: string;
  isControlRecord?: boolean;
  /** See kafkajs/src/protocol/timestampTypes.js: 0 CreateTime, 1 LogAppendTime, -1 none. */
  batchContext?: {
    timestampType?: number;
    firstOffset?: string;
    lastOffsetDelta?: number;
    /** Int64 as a string; with `inTransaction`, which transaction the record belongs to. */
    producerId?: string;
    inTransaction?: boolean;
  };
};
export type RawFetchResponse = {
  responses: {
    topicName: string;
    partitions: {
      partition: number;
      errorCode: number;
      highWatermark: string;
      /** The log start offset (kafkajs misnames it). */
      lastStartOffset?: string;
      /** READ_COMMITTED only: transactions aborted in the returned range, by their first offset. */
      abortedTransactions?: { producerId: string; firstOffset: string }[];
      messages: RawRecord[];
    }[];
  }[];
};

/** DescribeConfigs resource type for topics. */
export const TOPIC_RESOURCE = 2;
type RawDescribeConfigsRequest = {
  /** kafkajs encodes a missing or empty `configNames` as null: every config. */
  resources: { type: number; name: string; configNames?: string[] }[];
  includeSynonyms: boolean;
};
export type RawConfigEntry = {
  configName: string;
  configValue: string | null;
  readOnly: boolean;
  isDefault: boolean;
  /** See kafkajs/src/protocol/configSource.js. */
  configSource: number;
  isSensitive: boolean;
};
export type RawDescribeConfigsResponse = {
  resources: { errorCode: number; resourceType: number; resourceName: string; configEntries: RawConfigEntry[] }[];
};

/**
 * One broker connection; each call is one request to that broker. kafkajs's parsers throw the
 * first partition or resource error of a response as a KafkaJSProtocolError.
 */
export type InternalBroker = {
  listOffsets(request: RawListOffsetsRequest): Promise<RawListOffsetsResponse>;
  fetch(request: RawFetchRequest): Promise<RawFetchResponse>;
  describeConfigs(request: RawDescribeConfigsRequest): Promise<RawDescribeConfigsResponse>;
};

export type InternalCluster = {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  /** Topics `[]` (the default) means every topic, as in kafkajs. */
  metadata(request?: { topics?: string[] }): Promise<RawMetadata>;
  /** The connected broker with this node id, from the broker list of the last metadata refresh. */
  findBroker(request: { nodeId: number }): Promise<InternalBroker>;
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
