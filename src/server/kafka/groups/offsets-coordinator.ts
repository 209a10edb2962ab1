import "server-only";
import { setTimeout as delay } from "node:timers/promises";
import type { InternalCluster } from "../internal-cluster";
import { kafkaErrorName, kafkaErrorType } from "../kafka-errors";
import type { TRawBroker } from "../protocol/raw-request";

/**
 * kafkajs 2.2.4's public admin commits offsets by joining the group with a throwaway consumer
 * (setOffsets), which itself causes a rebalance event, and it has no OffsetDelete (API key 47,
 * KIP-496). Kafka's own kafka-consumer-groups tool instead sends OffsetCommit with generation -1
 * and no member id straight to the group coordinator — which the coordinator accepts only for a
 * group without members — and OffsetDelete for one topic (protocol/offset-delete.ts). The internal Cluster we already hold
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

type RawDescribedGroup = { groupId: string; state: string; protocolType: string; members: unknown[] };
type RawOffsetFetchResponse = {
  responses: { topic: string; partitions: { partition: number; offset: string }[] }[];
};

/** A kafkajs Broker; the requests kafkajs lacks go through its connection pool (kafka/protocol/). */
export type CoordinatorBroker = TRawBroker & {
  nodeId: number;
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
 * A moving or loading coordinator; also kafkajs's own "coordinator not found", which has no Kafka
 * type and is what a brand-new broker answers until __consumer_offsets has leaders.
 */
function isCoordinatorMoving(error: unknown): boolean {
  return (
    COORDINATOR_MOVING.has(kafkaErrorType(error) ?? "") || kafkaErrorName(error) === "KafkaJSGroupCoordinatorNotFound"
  );
}

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
      if (attempt >= COORDINATOR_ATTEMPTS || !isCoordinatorMoving(error)) throw error;
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
