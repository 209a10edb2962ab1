import "server-only";
import kafkajs from "kafkajs";
import type { TGroupMember, TGroupType } from "~/domain/groups/group-dto";
import { memberHost } from "~/domain/groups/member-host";
import { withAdmin, withMetadata, type ClusterTarget } from "../client-registry";
import { describeConsumerGroup } from "../protocol/consumer-group-describe";
import { listTypedGroups } from "../protocol/list-groups-typed";

/** Kafka's error 69: the coordinator knows no group of that id (in ConsumerGroupDescribe: no KIP-848 group). */
const GROUP_ID_NOT_FOUND = 69;

/**
 * A group as ListGroups names it. `type` and `state` come from ListGroups v5 (Kafka 3.8+); null on
 * older brokers, whose groups are classic or KIP-848 consumer groups.
 */
export type TListedGroup = { groupId: string; protocolType: string; type: string | null; state: string | null };

/** A group as DescribeGroups (classic) or ConsumerGroupDescribe (KIP-848) sees it, mapped to our types. */
export type TDescribedGroup = {
  groupId: string;
  type: TGroupType;
  state: string;
  protocolType: string;
  /** The assignor ("range", "uniform"…); empty when no member is in. */
  protocol: string;
  members: TGroupMember[];
  /**
   * false: the classic DescribeGroups answered "Dead" with no members and ConsumerGroupDescribe
   * could not tell more (a broker without it, or the group vanished) — members are unknown.
   */
  membersVisible: boolean;
};

/** A committed offset of one partition; "-1" from Kafka (no commit) becomes null. */
export type TCommittedOffset = { topic: string; partition: number; offset: string | null };

/**
 * Every group the brokers know, in one ListGroups round per broker: v5 with each group's type and
 * state where every broker speaks it, else kafkajs's v2.
 */
export async function listGroups(target: ClusterTarget): Promise<TListedGroup[]> {
  const typed = await withMetadata(target, listTypedGroups);
  if (typed) return typed;
  const { groups } = await withAdmin(target, (admin) => admin.listGroups());
  return groups.map((group) => ({ groupId: group.groupId, protocolType: group.protocolType, type: null, state: null }));
}

/**
 * DescribeGroups for many groups at once (kafkajs sends one request per coordinator broker). The
 * classic request answers "Dead" with no members for a group on Kafka 4's new consumer protocol
 * (KIP-848); those are asked again with ConsumerGroupDescribe.
 */
export async function describeGroups(target: ClusterTarget, groupIds: readonly string[]): Promise<TDescribedGroup[]> {
  if (groupIds.length === 0) return [];
  const { groups } = await withAdmin(target, (admin) => admin.describeGroups([...groupIds]));
  const classic = groups.map((group): TDescribedGroup => ({
    groupId: group.groupId,
    type: "classic",
    state: group.state,
    protocolType: group.protocolType,
    protocol: group.protocol,
    members: group.members.map((member) => ({
      memberId: member.memberId,
      clientId: member.clientId,
      host: memberHost(member.clientHost),
      // Only the consumer protocol's assignment bytes have a known layout; Connect workers' do not.
      assignment: group.protocolType === "consumer" ? decodeAssignment(member.memberAssignment) : [],
    })),
    membersVisible: true,
  }));
  const dead = classic.filter((group) => group.state === "Dead").map((group) => group.groupId);
  if (dead.length === 0) return classic;
  const described = new Map((await describeNewProtocolGroups(target, dead)).map((group) => [group.groupId, group]));
  return classic.map((group) => described.get(group.groupId) ?? group);
}

/**
 * ConsumerGroupDescribe for groups the classic request called Dead, each at its coordinator. A
 * group it does not know either (GROUP_ID_NOT_FOUND) is really gone and stays Dead. A moved or
 * loading coordinator is reported in the group's error code: withCoordinator finds it again and
 * retries. Where the broker still cannot answer, the group is a KIP-848 group whose members stay
 * unknown.
 */
async function describeNewProtocolGroups(target: ClusterTarget, groupIds: readonly string[]) {
  return withMetadata(target, (cluster) =>
    Promise.all(
      groupIds.map(async (groupId): Promise<TDescribedGroup> => {
        const unknown: TDescribedGroup = {
          groupId,
          type: "consumer",
          state: "Unknown",
          protocolType: "consumer",
          protocol: "",
          members: [],
          membersVisible: false,
        };
        try {
          const found = await describeConsumerGroup(cluster, groupId);
          if (!found) return unknown;
          if (found.errorCode === GROUP_ID_NOT_FOUND)
            return { ...unknown, type: "classic", state: "Dead", protocolType: "", membersVisible: true };
          if (found.errorCode !== 0) return unknown;
          return {
            groupId,
            type: "consumer",
            state: found.state,
            protocolType: "consumer",
            protocol: found.assignor,
            members: found.members.map(({ memberId, clientId, host, assignment }) => ({
              memberId,
              clientId,
              host: memberHost(host),
              assignment,
            })),
            membersVisible: true,
          };
        } catch {
          return unknown;
        }
      }),
    ),
  );
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
