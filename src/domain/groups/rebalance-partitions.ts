import type { TGroupMember } from "./group-dto";

/** One partition's owner before and after a rebalance; member ids, null for nobody. */
export type TPartitionMove = {
  topic: string;
  partition: number;
  from: string | null;
  to: string | null;
  moved: boolean;
};

function ownerMap(members: TGroupMember[] | null): Map<string, { topic: string; partition: number; memberId: string }> {
  const owners = new Map<string, { topic: string; partition: number; memberId: string }>();
  for (const member of members ?? []) {
    for (const { topic, partitions } of member.assignment) {
      for (const partition of partitions)
        owners.set(`${topic}\u0000${partition}`, { topic, partition, memberId: member.memberId });
    }
  }
  return owners;
}

/**
 * Every partition either side of a rebalance with its owner before and after, moved ones flagged.
 * With no "before" (the watcher arrived mid-rebalance) nothing counts as moved: it is not known.
 */
export function partitionMoves(before: TGroupMember[] | null, after: TGroupMember[] | null): TPartitionMove[] {
  const was = ownerMap(before);
  const now = ownerMap(after);
  const rows: TPartitionMove[] = [];
  for (const key of new Set([...was.keys(), ...now.keys()])) {
    const { topic, partition } = (now.get(key) ?? was.get(key))!;
    const from = was.get(key)?.memberId ?? null;
    const to = now.get(key)?.memberId ?? null;
    rows.push({ topic, partition, from, to, moved: before !== null && after !== null && from !== to });
  }
  return rows.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}

/** "3.2 s", "850 ms", "1 min 5 s" — a rebalance's length as people say it. */
export function formatRebalanceDuration(durationMs: number): string {
  if (durationMs < 1_000) return `${Math.max(0, Math.round(durationMs))} ms`;
  if (durationMs < 60_000) return `${(durationMs / 1_000).toFixed(1)} s`;
  const minutes = Math.floor(durationMs / 60_000);
  const seconds = Math.round((durationMs % 60_000) / 1_000);
  return seconds ? `${minutes} min ${seconds} s` : `${minutes} min`;
}
