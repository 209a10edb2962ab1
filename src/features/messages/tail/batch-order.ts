import type { TMessage } from "~/domain/messages/message";

/**
 * A tail batch holds records of several partitions in the order the broker returned them, which
 * kafkajs shuffles per request. Merged by timestamp here, so the view reads in time order, while
 * each partition keeps its own offset order (producers' timestamps need not rise within one).
 */
export function orderBatchByTime(messages: readonly TMessage[]): TMessage[] {
  const runs = new Map<number, TMessage[]>();
  for (const message of messages) {
    const run = runs.get(message.partition);
    if (run) run.push(message);
    else runs.set(message.partition, [message]);
  }
  if (runs.size < 2) return [...messages];
  const heads = [...runs.values()].map((run) => ({ run, next: 0 }));
  const ordered: TMessage[] = [];
  while (ordered.length < messages.length) {
    let earliest: (typeof heads)[number] | undefined;
    for (const head of heads) {
      const candidate = head.run[head.next];
      if (!candidate) continue;
      const best = earliest?.run[earliest.next];
      if (!best || BigInt(candidate.timestamp) < BigInt(best.timestamp)) earliest = head;
    }
    ordered.push(earliest!.run[earliest!.next]!);
    earliest!.next += 1;
  }
  return ordered;
}
