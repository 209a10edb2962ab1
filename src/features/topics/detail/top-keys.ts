import type { TSampledKey } from "~/domain/topics/topic-dto";

export type TKeyCount = { key: string; messages: number };

/** The `count` most frequent non-null keys of each partition in a sample, most frequent first. */
export function topKeysByPartition(records: readonly TSampledKey[], count: number): Map<number, TKeyCount[]> {
  const tallies = new Map<number, Map<string, number>>();
  for (const { partition, key } of records) {
    if (key === null) continue;
    const tally = tallies.get(partition) ?? new Map<string, number>();
    tallies.set(partition, tally);
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  const result = new Map<number, TKeyCount[]>();
  for (const [partition, tally] of tallies) {
    const sorted = [...tally].map(([key, messages]) => ({ key, messages })).sort((a, b) => b.messages - a.messages);
    result.set(partition, sorted.slice(0, count));
  }
  return result;
}
