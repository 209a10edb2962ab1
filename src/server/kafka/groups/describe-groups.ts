import "server-only";
import kafkajs from "kafkajs";
import type { TGroupMember } from "~/domain/groups/group-dto";
import { withAdmin, type ClusterTarget } from "../client-registry";

/** A group as ListGroups names it. */
export type TListedGroup = { groupId: string; protocolType: string };

/** A group as the classic DescribeGroups sees it, mapped to our types. */
export type TDescribedGroup = {
  groupId: string;
  state: string;
  protocolType: string;
  protocol: string;
  members: TGroupMember[];
};

/** A committed offset of one partition; "-1" from Kafka (no commit) becomes null. */
export type TCommittedOffset = { topic: string; partition: number; offset: string | null };

/** Every group the brokers know, in one ListGroups round (kafkajs asks each broker). */
export async function listGroups(target: ClusterTarget): Promise<TListedGroup[]> {
  const { groups } = await withAdmin(target, (admin) => admin.listGroups());
  return groups.map((group) => ({ groupId: group.groupId, protocolType: group.protocolType }));
}

/** DescribeGroups for many groups at once: kafkajs sends one request per coordinator broker. */
export async function describeGroups(target: ClusterTarget, groupIds: readonly string[]): Promise<TDescribedGroup[]> {
  if (groupIds.length === 0) return [];
  const { groups } = await withAdmin(target, (admin) => admin.describeGroups([...groupIds]));
  return groups.map((group) => ({
    groupId: group.groupId,
    state: group.state,
    protocolType: group.protocolType,
    protocol: group.protocol,
    members: group.members.map((member) => ({
      memberId: member.memberId,
      clientId: member.clientId,
      host: member.clientHost,
      // Only the consumer protocol's assignment bytes have a known layout; Connect workers' do not.
      assignment: group.protocolType === "consumer" ? decodeAssignment(member.memberAssignment) : [],
    })),
  }));
}

/**
 * The consumer protocol's assignment (version, [topic, [partition]], user data) — the same layout
 * for kafkajs and Java clients. Bytes that do not decode mean "nothing known", not an error.
 */
function decodeAssignment(bytes: Buffer): TGroupMember["assignment"] {
  try {
    const decoded = kafkajs.AssignerProtocol.MemberAssignment.decode(bytes);
    if (!decoded) return [];
    return Object.entries(decoded.assignment)
      .map(([topic, partitions]) => ({ topic, partitions: [...partitions].sort((a, b) => a - b) }))
      .sort((a, b) => a.topic.localeCompare(b.topic));
  } catch {
    return [];
  }
}

/** The group's committed offsets for every topic it committed to (one OffsetFetch). */
export async function fetchCommittedOffsets(target: ClusterTarget, groupId: string): Promise<TCommittedOffset[]> {
  const topics = await withAdmin(target, (admin) => admin.fetchOffsets({ groupId }));
  return topics.flatMap(({ topic, partitions }) =>
    partitions.map((partition) => ({
      topic,
      partition: partition.partition,
      offset: BigInt(partition.offset) < 0n ? null : partition.offset,
    })),
  );
}
