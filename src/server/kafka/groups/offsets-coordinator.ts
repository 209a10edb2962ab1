import "server-only";
import { setTimeout as delay } from "node:timers/promises";
import type { InternalCluster } from "../internal-cluster";
import { kafkaErrorType } from "../kafka-errors";

/**
 * kafkajs 2.2.4's public admin commits offsets by joining the group with a throwaway consumer
 * (setOffsets), which itself causes a rebalance event, and it has no OffsetDelete (API key 47,
 * KIP-496). Kafka's own kafka-consumer-groups tool instead sends OffsetCommit with generation -1
 * and no member id straight to the group coordinator — which the coordinator accepts only for a
 * group without members — and OffsetDelete for one topic. The internal Cluster we already hold
 * (internal-cluster.ts) finds the coordinator and its broker sends requests on its own connection;
 * this file is the only place that knows those shapes, pinned by `group-offsets.int.test.ts`.
 *
 * The shared kafkajs admin is avoided on purpose: its fetchOffsets and deleteGroups refresh the
 * metadata of every topic it was ever asked about, and fail for good once one of them is deleted.
 */

type RawOffsetCommitRequest = {
  groupId: string;
  groupGenerationId: number;
  memberId: string;
  retentionTime?: number;
  topics: { topic: string; partitions: { partition: number; offset: string }[] }[];
};

/** A request kafkajs's connection can send: an encoder with its bytes, and a response decoder. */
type RawProtocolRequest = {
  request: { apiKey: number; apiVersion: number; apiName: string; encode: () => Promise<RawEncoded> };
  response: { decode: (payload: Buffer) => Promise<unknown>; parse: (decoded: unknown) => Promise<unknown> };
};
/** kafkajs's request framing only reads `buf` (checked to be a Buffer) and `buffer` of an Encoder. */
type RawEncoded = { buf: Buffer; buffer: Buffer };

type RawDescribedGroup = { groupId: string; state: string; protocolType: string; members: unknown[] };
type RawOffsetFetchResponse = {
  responses: { topic: string; partitions: { partition: number; offset: string }[] }[];
};

export type CoordinatorBroker = {
  nodeId: number;
  /** ApiVersions of this broker, keyed by API key; null before it connected. */
  versions: Record<number, { minVersion: number; maxVersion: number }> | null;
  /** kafkajs's parser throws the first partition error as a KafkaJSProtocolError. */
  offsetCommit(request: RawOffsetCommitRequest): Promise<unknown>;
  offsetFetch(request: {
    groupId: string;
    topics: { topic: string; partitions: { partition: number }[] }[];
  }): Promise<RawOffsetFetchResponse>;
  /** Throws the first group's error, like kafkajs's other parsers. */
  describeGroups(request: { groupIds: string[] }): Promise<{ groups: RawDescribedGroup[] }>;
  /** Does not throw: each result carries its own `error` (a KafkaJSProtocolError) when it failed. */
  deleteGroups(groupIds: string[]): Promise<{ results: { groupId: string; errorCode: number; error?: Error }[] }>;
  connectionPool: { send(request: RawProtocolRequest): Promise<unknown> };
};

type ClusterWithCoordinator = { findGroupCoordinator(request: { groupId: string }): Promise<CoordinatorBroker> };

export async function findCoordinator(cluster: InternalCluster, groupId: string): Promise<CoordinatorBroker> {
  const withCoordinator = cluster as unknown as Partial<ClusterWithCoordinator>;
  if (typeof withCoordinator.findGroupCoordinator !== "function") {
    throw new Error("kafkajs's Cluster no longer has findGroupCoordinator; offsets-coordinator.ts needs updating");
  }
  return withCoordinator.findGroupCoordinator({ groupId });
}

/**
 * The coordinator moved or is still loading the group's offsets (e.g. right after a broker starts),
 * by kafkajs's names and by Kafka's (kafkaProtocolError uses Kafka's).
 */
export const COORDINATOR_MOVING = new Set([
  "NOT_COORDINATOR_FOR_GROUP",
  "GROUP_COORDINATOR_NOT_AVAILABLE",
  "GROUP_LOAD_IN_PROGRESS",
  "NOT_COORDINATOR",
  "COORDINATOR_NOT_AVAILABLE",
  "COORDINATOR_LOAD_IN_PROGRESS",
]);
const COORDINATOR_ATTEMPTS = 8;

/**
 * Runs `work` against the group's coordinator, finding it again while it moves or loads — what
 * kafkajs's admin does through its retrier, which these direct requests do not pass through.
 */
export async function withCoordinator<T>(
  cluster: InternalCluster,
  groupId: string,
  work: (coordinator: CoordinatorBroker) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work(await findCoordinator(cluster, groupId));
    } catch (error) {
      if (attempt >= COORDINATOR_ATTEMPTS || !COORDINATOR_MOVING.has(kafkaErrorType(error) ?? "")) throw error;
      await delay(Math.min(100 * 2 ** (attempt - 1), 1_000));
    }
  }
}

/** Commits `offsets` for a group without members, as kafka-consumer-groups --reset-offsets does. */
export async function commitAsAdmin(
  cluster: InternalCluster,
  groupId: string,
  topic: string,
  offsets: readonly { partition: number; offset: bigint }[],
): Promise<void> {
  await withCoordinator(cluster, groupId, (coordinator) =>
    coordinator.offsetCommit({
      groupId,
      groupGenerationId: -1,
      memberId: "",
      retentionTime: -1,
      topics: [
        { topic, partitions: offsets.map(({ partition, offset }) => ({ partition, offset: offset.toString() })) },
      ],
    }),
  );
}

export const OFFSET_DELETE_API_KEY = 47;

export type OffsetDeleteResponse = {
  errorCode: number;
  topics: { name: string; partitions: { partition: number; errorCode: number }[] }[];
};

/** Sends OffsetDelete v0 (a non-flexible version every broker since Kafka 2.4 accepts) to the coordinator. */
export async function sendOffsetDelete(
  coordinator: CoordinatorBroker,
  groupId: string,
  topic: string,
  partitions: readonly number[],
): Promise<OffsetDeleteResponse> {
  const body = Buffer.concat([
    encodeString(groupId),
    int32(1),
    encodeString(topic),
    int32(partitions.length),
    ...partitions.map((partition) => int32(partition)),
  ]);
  const response = await coordinator.connectionPool.send({
    request: {
      apiKey: OFFSET_DELETE_API_KEY,
      apiVersion: 0,
      apiName: "OffsetDelete",
      encode: () => Promise.resolve({ buf: body, buffer: body }),
    },
    response: { decode: (payload) => Promise.resolve(decodeOffsetDelete(payload)), parse: (d) => Promise.resolve(d) },
  });
  return response as OffsetDeleteResponse;
}

function int32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32BE(value);
  return buffer;
}

function encodeString(value: string): Buffer {
  const bytes = Buffer.from(value, "utf8");
  const length = Buffer.alloc(2);
  length.writeInt16BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

/** OffsetDelete Response v0 => error_code throttle_time_ms [topics [partitions partition_index error_code]] */
export function decodeOffsetDelete(payload: Buffer): OffsetDeleteResponse {
  let at = 0;
  const int16 = () => {
    const value = payload.readInt16BE(at);
    at += 2;
    return value;
  };
  const int32At = () => {
    const value = payload.readInt32BE(at);
    at += 4;
    return value;
  };
  const string = () => {
    const length = int16();
    const value = payload.toString("utf8", at, at + Math.max(length, 0));
    at += Math.max(length, 0);
    return value;
  };
  const array = <T>(item: () => T): T[] => Array.from({ length: Math.max(int32At(), 0) }, item);
  const errorCode = int16();
  int32At(); // throttle_time_ms
  const topics = array(() => ({
    name: string(),
    partitions: array(() => ({ partition: int32At(), errorCode: int16() })),
  }));
  return { errorCode, topics };
}
