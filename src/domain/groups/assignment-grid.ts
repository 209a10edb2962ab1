import type { TGroupMember } from "./group-dto";

/** One row of the assignment grid: a partition, and the member (column) that reads it. */
export type TGridRow = { topic: string; partition: number; memberId: string | null };

export type TAssignmentGrid = {
  /** Columns, in the order the members were listed. */
  members: { memberId: string; clientId: string; isIdle: boolean }[];
  rows: TGridRow[];
  idleMemberIds: string[];
  /** Why members are idle, as a sentence; null when every member reads something. */
  idleExplanation: string | null;
};

const WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

function spelled(n: number): string {
  return WORDS[n] ?? String(n);
}

/**
 * Partitions × members. `topicPartitions` holds every partition of the topics the group reads, so
 * a partition no member holds shows as unassigned; partitions only named in an assignment are
 * added too.
 */
export function buildAssignmentGrid(
  members: readonly TGroupMember[],
  topicPartitions: readonly { topic: string; partition: number }[],
): TAssignmentGrid {
  const owner = new Map<string, string>();
  const key = (topic: string, partition: number) => `${topic}\0${partition}`;
  const rows = new Map<string, TGridRow>();
  for (const { topic, partition } of topicPartitions)
    rows.set(key(topic, partition), { topic, partition, memberId: null });
  for (const member of members) {
    for (const { topic, partitions } of member.assignment) {
      for (const partition of partitions) {
        owner.set(key(topic, partition), member.memberId);
        rows.set(key(topic, partition), { topic, partition, memberId: member.memberId });
      }
    }
  }
  const sortedRows = [...rows.values()].sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  const idle = members.filter((member) => member.assignment.every(({ partitions }) => partitions.length === 0));
  const idleIds = new Set(idle.map((member) => member.memberId));
  return {
    members: members.map((member) => ({
      memberId: member.memberId,
      clientId: member.clientId,
      isIdle: idleIds.has(member.memberId),
    })),
    rows: sortedRows,
    idleMemberIds: idle.map((member) => member.memberId),
    idleExplanation: explainIdleMembers(members.length, sortedRows.length, idle.length, topicCount(sortedRows)),
  };
}

function topicCount(rows: readonly TGridRow[]): number {
  return new Set(rows.map((row) => row.topic)).size;
}

/**
 * Why some members have nothing to read. Each partition goes to at most one member of a group, so
 * with more members than partitions the rest wait idle (standby for a failover); with enough
 * partitions an idle member means the assignor or the subscriptions left it out.
 */
export function explainIdleMembers(
  memberCount: number,
  partitionCount: number,
  idleCount: number,
  topics = 1,
): string | null {
  if (idleCount === 0 || memberCount === 0) return null;
  const across = topics > 1 ? ` across ${topics} topics` : "";
  const head = `${count(memberCount, "member")}, ${count(partitionCount, "partition")}${across}`;
  const who = idleCount === 1 ? "one member has" : `${spelled(idleCount)} members have`;
  if (memberCount > partitionCount) {
    return `${head}: ${who} nothing to read. A partition is read by at most one member of a group, so extra members wait idle until one leaves.`;
  }
  return `${head}: ${who} nothing to read, although there are enough partitions — the assignor or the member's subscription left it out.`;
}
