import type { TGroupMember } from "./group-dto";

/** One DescribeGroups answer, reduced to what a rebalance changes. */
export type TGroupSnapshot = {
  state: string;
  members: TGroupMember[];
};

export type TRebalanceMember = { memberId: string; clientId: string; host: string };

/** A partition whose owner changed; `from`/`to` are member ids, null when nobody owned it. */
export type TMovedPartition = { topic: string; partition: number; from: string | null; to: string | null };

export type TRebalanceDiff = {
  joined: TRebalanceMember[];
  left: TRebalanceMember[];
  moved: TMovedPartition[];
};

const identity = (member: TGroupMember): TRebalanceMember => ({
  memberId: member.memberId,
  clientId: member.clientId,
  host: member.host,
});

const partitionKey = (topic: string, partition: number) => `${topic}\u0000${partition}`;

/** Owner member id of each assigned partition. */
function owners(members: TGroupMember[]): Map<string, { topic: string; partition: number; memberId: string }> {
  const result = new Map<string, { topic: string; partition: number; memberId: string }>();
  for (const member of members) {
    for (const { topic, partitions } of member.assignment) {
      for (const partition of partitions) {
        result.set(partitionKey(topic, partition), { topic, partition, memberId: member.memberId });
      }
    }
  }
  return result;
}

/** Who joined, who left and which partitions changed owner between two snapshots. */
export function diffSnapshots(before: TGroupMember[], after: TGroupMember[]): TRebalanceDiff {
  const beforeIds = new Set(before.map((member) => member.memberId));
  const afterIds = new Set(after.map((member) => member.memberId));
  const joined = after.filter((member) => !beforeIds.has(member.memberId)).map(identity);
  const left = before.filter((member) => !afterIds.has(member.memberId)).map(identity);

  const ownersBefore = owners(before);
  const ownersAfter = owners(after);
  const moved: TMovedPartition[] = [];
  for (const key of new Set([...ownersBefore.keys(), ...ownersAfter.keys()])) {
    const was = ownersBefore.get(key);
    const now = ownersAfter.get(key);
    if (was?.memberId === now?.memberId) continue;
    const { topic, partition } = (now ?? was)!;
    moved.push({ topic, partition, from: was?.memberId ?? null, to: now?.memberId ?? null });
  }
  moved.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  return { joined, left, moved };
}

/** A canonical text of members and assignment, so two snapshots compare by value. */
export function assignmentFingerprint(members: TGroupMember[]): string {
  const canonical = members
    .map((member) => ({
      id: member.memberId,
      assignment: member.assignment
        .filter((entry) => entry.partitions.length > 0)
        .map((entry) => `${entry.topic}:${[...entry.partitions].sort((a, b) => a - b).join(",")}`)
        .sort(),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
  return JSON.stringify(canonical);
}

/** Whether the members or their partitions differ between two snapshots. */
export function membershipChanged(before: TGroupMember[], after: TGroupMember[]): boolean {
  return assignmentFingerprint(before) !== assignmentFingerprint(after);
}
