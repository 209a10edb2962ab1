import "server-only";
import { withMetadata, type ClusterTarget } from "../client-registry";
import { kafkaProtocolError } from "../kafka-errors";
import { offsetsForTimestamp, readPartitionStates, type TPartitionState } from "../messages/partition-states";
import { describeConsumerGroup } from "../protocol/consumer-group-describe";
import { OFFSET_DELETE_API_KEY, sendOffsetDelete } from "../protocol/offset-delete";
import { commitAsAdmin, withCoordinator } from "./offsets-coordinator";

/** Kafka's error 69: in ConsumerGroupDescribe, no group of the new consumer protocol by that id. */
const GROUP_ID_NOT_FOUND = 69;

/** What a reset needs to know about a group: its state and how many members it has now. */
export type TGroupMembership = { state: string; protocolType: string; activeMembers: number };

/**
 * The classic DescribeGroups answers "Dead" with no members for a running group of the new consumer
 * protocol (KIP-848), so a Dead answer is checked with ConsumerGroupDescribe at the same coordinator:
 * only then may a reset or delete go ahead. A moved or loading coordinator, which that request
 * reports in the group's error code, throws so that withCoordinator finds it again and retries.
 */
export async function readGroupMembership(target: ClusterTarget, groupId: string): Promise<TGroupMembership> {
  return withMetadata(target, async (cluster) => {
    const { groups } = await withCoordinator(cluster, groupId, (coordinator) =>
      coordinator.describeGroups({ groupIds: [groupId] }),
    );
    const group = groups.find((candidate) => candidate.groupId === groupId);
    const classic = {
      state: group?.state ?? "Dead",
      protocolType: group?.protocolType ?? "",
      activeMembers: group?.members.length ?? 0,
    };
    if (classic.state !== "Dead") return classic;
    const described = await describeConsumerGroup(cluster, groupId);
    if (!described || described.errorCode === GROUP_ID_NOT_FOUND) return classic;
    if (described.errorCode !== 0) throw kafkaProtocolError(described.errorCode);
    return { state: described.state, protocolType: "consumer", activeMembers: described.members.length };
  });
}

/** The group's committed offset per partition of `topic`; null where nothing is committed. */
export async function readCommittedOffsets(
  target: ClusterTarget,
  groupId: string,
  topic: string,
  partitions?: readonly number[],
): Promise<Map<number, bigint | null>> {
  return withMetadata(target, async (cluster) => {
    const ids = partitions ?? (await readPartitionStates(cluster, topic)).map((state) => state.partition);
    const { responses } = await withCoordinator(cluster, groupId, (coordinator) =>
      coordinator.offsetFetch({ groupId, topics: [{ topic, partitions: ids.map((partition) => ({ partition })) }] }),
    );
    const result = new Map<number, bigint | null>();
    for (const partition of responses.find((response) => response.topic === topic)?.partitions ?? []) {
      // Kafka answers -1 for a partition the group never committed.
      const offset = BigInt(partition.offset);
      result.set(partition.partition, offset < 0n ? null : offset);
    }
    return result;
  });
}

export function readTopicPartitions(target: ClusterTarget, topic: string): Promise<TPartitionState[]> {
  return withMetadata(target, (cluster) => readPartitionStates(cluster, topic));
}

export function resolveTimestamp(
  target: ClusterTarget,
  topic: string,
  partitions: readonly TPartitionState[],
  timestampMs: number,
): Promise<Map<number, bigint>> {
  return withMetadata(target, (cluster) => offsetsForTimestamp(cluster, topic, partitions, timestampMs));
}

/** Commits offsets for a group without members; the coordinator refuses a group that has some. */
export function commitGroupOffsets(
  target: ClusterTarget,
  groupId: string,
  topic: string,
  offsets: readonly { partition: number; offset: bigint }[],
): Promise<void> {
  return withMetadata(target, (cluster) => commitAsAdmin(cluster, groupId, topic, offsets));
}

/** Deletes the group; Kafka refuses (NON_EMPTY_GROUP) while it has members. */
export async function deleteGroup(target: ClusterTarget, groupId: string): Promise<void> {
  await withMetadata(target, async (cluster) => {
    await withCoordinator(cluster, groupId, async (coordinator) => {
      const { results } = await coordinator.deleteGroups([groupId]);
      const failed = results.find((result) => result.errorCode !== 0);
      if (failed) throw failed.error ?? kafkaProtocolError(failed.errorCode);
    });
  });
}

/**
 * Deletes the group's committed offsets for these partitions of one topic (OffsetDelete). Kafka
 * refuses (GROUP_SUBSCRIBED_TO_TOPIC) while members of the group are subscribed to the topic.
 */
export async function deleteCommittedOffsets(
  target: ClusterTarget,
  groupId: string,
  topic: string,
  partitions: readonly number[],
): Promise<"deleted" | "unsupported"> {
  return withMetadata(target, async (cluster) => {
    return withCoordinator(cluster, groupId, async (coordinator) => {
      if (coordinator.versions && !coordinator.versions[OFFSET_DELETE_API_KEY]) return "unsupported" as const;
      const response = await sendOffsetDelete(coordinator, groupId, topic, partitions);
      if (response.errorCode !== 0) throw kafkaProtocolError(response.errorCode);
      const failed = response.topics.flatMap((found) => found.partitions).find((p) => p.errorCode !== 0);
      if (failed) throw kafkaProtocolError(failed.errorCode);
      return "deleted" as const;
    });
  });
}
