import "server-only";
import type { TBrowseQuery } from "~/domain/messages/browse-query";
import type { TDirection } from "~/domain/messages/browse-merge";
import { AppError } from "~/lib/app-error";
import type { TPartitionState } from "~/server/kafka/messages/partition-states";

export type TReadablePartition = TPartitionState & { leader: number };

/** The partitions a browse reads, and sentences about the ones it cannot. */
export function choosePartitions(
  topic: string,
  states: readonly TPartitionState[],
  partition: TBrowseQuery["partition"],
): { readable: TReadablePartition[]; notes: string[] } {
  const chosen = partition === "all" ? states : states.filter((state) => state.partition === partition);
  if (chosen.length === 0 && partition !== "all") {
    throw new AppError(
      "NOT_FOUND",
      `The topic ${topic} has no partition ${partition}; it has partitions 0 to ${states.length - 1}.`,
      "Choose another partition.",
    );
  }
  const offline = chosen.filter((state) => state.leader === null).map((state) => state.partition);
  const notes =
    offline.length === 0
      ? []
      : [
          offline.length === 1
            ? `Partition ${offline[0]} has no leader right now, so its messages are not shown.`
            : `Partitions ${offline.join(", ")} have no leader right now, so their messages are not shown.`,
        ];
  return { readable: chosen.filter((state): state is TReadablePartition => state.leader !== null), notes };
}

export type TPageBounds = { direction: TDirection; bounds: Map<number, bigint>; notes: string[] };

/**
 * Where the page starts in each partition and which way it reads. A cursor wins over the start.
 * Positions outside a partition's [low, high] are moved to the nearest end, with a note.
 */
export function pageBounds(
  query: TBrowseQuery,
  readable: readonly TReadablePartition[],
  byTimestamp: ReadonlyMap<number, bigint> | null,
): TPageBounds {
  const direction: TDirection = query.cursor?.direction ?? (query.order === "oldest-first" ? "after" : "before");
  const bounds = new Map<number, bigint>();
  const notes: string[] = [];
  const fromCursor = new Map(query.cursor?.offsets.map((entry) => [entry.partition, BigInt(entry.offset)]));
  for (const state of readable) {
    let wanted: bigint;
    if (query.cursor) wanted = fromCursor.get(state.partition) ?? (direction === "after" ? state.low : state.high);
    else if (query.start.kind === "earliest") wanted = state.low;
    else if (query.start.kind === "latest") wanted = state.high;
    else if (query.start.kind === "offset") wanted = BigInt(query.start.offset);
    else wanted = byTimestamp?.get(state.partition) ?? state.high;
    const clamped = wanted < state.low ? state.low : wanted > state.high ? state.high : wanted;
    if (clamped !== wanted && (query.cursor || query.start.kind === "offset")) {
      notes.push(
        wanted > state.high
          ? `Offset ${wanted} is past the end of partition ${state.partition}, which ends at ${state.high}; the page starts there.`
          : `Offset ${wanted} is no longer in partition ${state.partition} (retention or compaction removed it); its first offset is ${state.low}, so the page starts there.`,
      );
    }
    bounds.set(state.partition, clamped);
  }
  if (notes.length > 4)
    notes.splice(3, notes.length - 3, `…and ${notes.length - 3} more partitions were moved the same way.`);
  return { direction, bounds, notes };
}
