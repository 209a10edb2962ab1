import "server-only";
import type { TSearchPartitionProgress } from "~/domain/messages/search-query";

/** Why a search ended. */
export type TStopReason =
  | { type: "complete" }
  | { type: "budget"; maxMessages: number }
  | { type: "time"; maxSeconds: number }
  | { type: "cap"; maxResults: number }
  | { type: "cancelled" }
  | { type: "failed"; partition: number; offset: bigint; message: string }
  /** The filter was stopped on one record; `sentence` says which and why. */
  | { type: "stopped"; sentence: string }
  | { type: "stalled"; partition: number; offset: bigint };

const count = (value: number) => value.toLocaleString("en-US");

/** The last line a user reads: complete, or partial and why, in one or two sentences. */
export function describeStop(
  reason: TStopReason,
  figures: {
    scanned: number;
    matches: number;
    elapsedMs: number;
    partitions: TSearchPartitionProgress[];
    offline: number[];
  },
): string {
  const found = `${count(figures.matches)} ${figures.matches === 1 ? "match" : "matches"}`;
  const seconds = (figures.elapsedMs / 1000).toFixed(1);
  const offline =
    figures.offline.length === 0
      ? ""
      : ` ${listPartitions(figures.offline)} ${figures.offline.length === 1 ? "has" : "have"} no leader and ${figures.offline.length === 1 ? "was" : "were"} not scanned.`;
  const unscanned = describeUnscanned(figures.partitions);
  switch (reason.type) {
    case "complete":
      // Offline partitions make even a scan to the end partial.
      return `${figures.offline.length === 0 ? "Complete" : "Partial"}: scanned ${count(figures.scanned)} messages in ${seconds} s and found ${found}.${offline}`;
    case "budget":
      return `Partial: stopped after the budget of ${count(reason.maxMessages)} messages; ${unscanned}; ${found}.${offline}`;
    case "time":
      return `Partial: stopped after the time budget of ${count(reason.maxSeconds)} s; ${unscanned}; ${found}.${offline}`;
    case "cap":
      return `Partial: ${count(reason.maxResults)} matches shown — the cap; narrow the filter or the range (${unscanned}).${offline}`;
    case "cancelled":
      return `Partial: cancelled after ${count(figures.scanned)} messages; ${found}.`;
    case "failed":
      return `Partial: the filter failed on offset ${reason.offset} of partition ${reason.partition}: ${reason.message}`;
    case "stopped":
      return `Partial: ${reason.sentence} Found ${found} before it.`;
    case "stalled":
      return `Partial: partition ${reason.partition} returned no records at offset ${reason.offset} although its log goes further; ${found}.`;
  }
}

/** "40% of partition 3 and 12% of partition 5 not scanned". */
export function describeUnscanned(partitions: readonly TSearchPartitionProgress[]): string {
  const left = partitions
    .map((progress) => {
      const total = BigInt(progress.end) - BigInt(progress.start);
      const remaining = BigInt(progress.end) - BigInt(progress.position);
      return { partition: progress.partition, total, remaining };
    })
    .filter((entry) => entry.remaining > 0n && entry.total > 0n);
  if (left.length === 0) return "everything in range was scanned";
  const parts = left.map((entry) => {
    const percent = Number((entry.remaining * 1000n) / entry.total) / 10;
    const shown = percent >= 1 ? Math.round(percent) : percent < 0.1 ? "<0.1" : percent.toFixed(1);
    return `${shown}% of partition ${entry.partition}`;
  });
  return `${joinList(parts)} not scanned`;
}

function listPartitions(partitions: readonly number[]): string {
  return `${partitions.length === 1 ? "Partition" : "Partitions"} ${joinList(partitions.map(String))}`;
}

function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
