import "server-only";
import type { TGroupDetail, TGroupPartitionLag, TGroupSummary } from "~/domain/groups/group-dto";
import { KIP_848_LIMITATION, OTHER_GROUP_TYPE_LIMITATION } from "~/domain/groups/group-dto";
import { groupTimeLag, partitionLag, timeLagFrom, totalLag } from "~/domain/groups/group-lag";
import type { ClusterTarget } from "~/server/kafka/client-registry";
import {
  describeGroups,
  fetchCommittedOffsets,
  type TCommittedOffset,
  type TDescribedGroup,
  type TListedGroup,
} from "~/server/kafka/groups/describe-groups";
import {
  positionOf,
  readPositions,
  readTimestampsAt,
  timestampOf,
  type TTimestampRead,
  type TTopicLayout,
} from "~/server/kafka/groups/partition-positions";

type TGroupInput = { described: TDescribedGroup; committed: TCommittedOffset[]; listedProtocolType: string };

/**
 * Lag of many groups at once: DescribeGroups for all in one call, OffsetFetch per group (in
 * parallel), watermarks of every topic involved in one pass, and the records at the committed
 * offsets of lagging partitions for time lag.
 */
export async function snapshotGroups(
  target: ClusterTarget,
  groups: readonly TListedGroup[],
): Promise<{ details: TGroupDetail[]; layout: TTopicLayout }> {
  // Share and streams groups are neither classic nor KIP-848 consumer groups: DescribeGroups would
  // call them Dead. ListGroups v5 already said what they are and their state.
  const others = groups.flatMap((group) => (isOtherType(group.type) ? [otherGroup(group, group.type)] : []));
  const described = await describeGroups(
    target,
    groups.filter((group) => !isOtherType(group.type)).map((group) => group.groupId),
  );
  const byId = new Map([...described, ...others].map((group) => [group.groupId, group]));
  const inputs: TGroupInput[] = await Promise.all(
    groups.map(async (group) => ({
      described: byId.get(group.groupId) ?? deadGroup(group.groupId),
      committed: await fetchCommittedOffsets(target, group.groupId),
      listedProtocolType: group.protocolType,
    })),
  );

  const topics = new Set<string>();
  for (const input of inputs) {
    for (const offset of input.committed) topics.add(offset.topic);
    for (const member of input.described.members) for (const { topic } of member.assignment) topics.add(topic);
  }
  const { layout, positions } = await readPositions(target, topics);
  const now = Date.now();

  const partitionsOf = (input: TGroupInput) => {
    const owners = new Map<string, string>();
    for (const member of input.described.members) {
      for (const { topic, partitions } of member.assignment)
        for (const partition of partitions) owners.set(`${topic}\0${partition}`, member.memberId);
    }
    const rows = new Map<string, { topic: string; partition: number; committed: string | null }>();
    for (const { topic, partition, offset } of input.committed)
      rows.set(`${topic}\0${partition}`, { topic, partition, committed: offset });
    for (const [ownedKey] of owners) {
      if (rows.has(ownedKey)) continue;
      const [topic = "", partition = "0"] = ownedKey.split("\0");
      rows.set(ownedKey, { topic, partition: Number(partition), committed: null });
    }
    return [...rows.values()]
      .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition)
      .map((row) => ({ ...row, memberId: owners.get(`${row.topic}\0${row.partition}`) ?? null }));
  };

  const reads: TTimestampRead[] = [];
  const readFrom = (topic: string, partition: number, committed: string | null): bigint | null => {
    const position = positionOf(positions, topic, partition);
    if (committed === null || !position?.logEndOffset || position.leader === null) return null;
    const from =
      BigInt(committed) < BigInt(position.logStartOffset ?? "0")
        ? BigInt(position.logStartOffset ?? "0")
        : BigInt(committed);
    return from < BigInt(position.logEndOffset) ? from : null;
  };
  const rowsByGroup = inputs.map((input) => partitionsOf(input));
  for (const rows of rowsByGroup) {
    for (const row of rows) {
      const from = readFrom(row.topic, row.partition, row.committed);
      const leader = positionOf(positions, row.topic, row.partition)?.leader;
      if (from !== null && leader !== null && leader !== undefined)
        reads.push({ topic: row.topic, partition: row.partition, offset: from, leader });
    }
  }
  const timestamps = await readTimestampsAt(target, reads);

  const details = inputs.map((input, index): TGroupDetail => {
    const partitions: TGroupPartitionLag[] = (rowsByGroup[index] ?? []).map((row) => {
      const logEndOffset = positionOf(positions, row.topic, row.partition)?.logEndOffset ?? null;
      const from = readFrom(row.topic, row.partition, row.committed);
      const lag = partitionLag(row.committed, logEndOffset);
      return {
        topic: row.topic,
        partition: row.partition,
        committedOffset: row.committed,
        logEndOffset,
        lag,
        timeLagMs: from === null ? null : timeLagFrom(timestampOf(timestamps, row.topic, row.partition, from), now),
        memberId: row.memberId,
      };
    });
    const topicPartitions = [...new Set([...partitions.map((p) => p.topic)])].flatMap((topic) =>
      (layout.get(topic) ?? []).map((partition) => ({ topic, partition })),
    );
    return toDetail(input, partitions, topicPartitions, now);
  });
  return { details, layout };
}

function toDetail(
  input: TGroupInput,
  partitions: TGroupPartitionLag[],
  topicPartitions: TGroupDetail["topicPartitions"],
  now: number,
): TGroupDetail {
  const { described } = input;
  const { type, membersVisible } = described;
  const topics = [...new Set(partitions.map((partition) => partition.topic))].sort();
  return {
    groupId: described.groupId,
    type,
    state: described.state,
    protocolType: described.protocolType || input.listedProtocolType,
    protocol: described.protocol,
    memberCount: membersVisible ? described.members.length : null,
    topics,
    totalLag: totalLag(partitions),
    timeLagMs: groupTimeLag(partitions),
    generationId: null,
    members: described.members,
    partitions,
    topicPartitions,
    limitation: membersVisible ? null : isOtherType(type) ? OTHER_GROUP_TYPE_LIMITATION[type] : KIP_848_LIMITATION,
    observedAt: now,
  };
}

const isOtherType = (type: string | null): type is "share" | "streams" => type === "share" || type === "streams";

function otherGroup(listed: TListedGroup, type: "share" | "streams"): TDescribedGroup {
  const { groupId, protocolType, state } = listed;
  return { groupId, type, state: state ?? "Unknown", protocolType, protocol: "", members: [], membersVisible: false };
}

function deadGroup(groupId: string): TDescribedGroup {
  return { groupId, type: "classic", state: "Dead", protocolType: "", protocol: "", members: [], membersVisible: true };
}

export function toSummary(detail: TGroupDetail): TGroupSummary {
  return {
    groupId: detail.groupId,
    type: detail.type,
    state: detail.state,
    protocolType: detail.protocolType,
    protocol: detail.protocol,
    memberCount: detail.memberCount,
    topics: detail.topics,
    totalLag: detail.totalLag,
    timeLagMs: detail.timeLagMs,
  };
}
