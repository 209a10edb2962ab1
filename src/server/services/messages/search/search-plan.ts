import "server-only";
import type { TSearchBound, TSearchQuery } from "~/domain/messages/search-query";
import { AppError } from "~/lib/app-error";
import type { InternalCluster } from "~/server/kafka/internal-cluster";
import {
  offsetsForTimestamp,
  readPartitionStates,
  type TPartitionState,
} from "~/server/kafka/messages/partition-states";

/** One partition to scan: offsets [start, end) from its leader; times outside [fromMs, toMs] are skipped. */
export type TPartitionPlan = { partition: number; leader: number; start: bigint; end: bigint };

export type TSearchPlan = {
  partitions: TPartitionPlan[];
  /** Partitions without a leader right now: not scanned, and the result says so. */
  offline: number[];
  fromMs: number | null;
  toMs: number | null;
};

/** Resolves the chosen partitions and the range (offsets, or times via ListOffsets) to offsets. */
export async function planSearch(cluster: InternalCluster, topic: string, query: TSearchQuery): Promise<TSearchPlan> {
  const states = (await readPartitionStates(cluster, topic)).filter(
    (state) => query.partition === null || state.partition === query.partition,
  );
  if (query.partition !== null && states.length === 0) {
    throw new AppError(
      "NOT_FOUND",
      `The topic ${topic} has no partition ${query.partition}.`,
      "Choose another partition.",
    );
  }
  const online = states.filter((state): state is TPartitionState & { leader: number } => state.leader !== null);
  const starts = await resolveBound(cluster, topic, online, query.from, 0n);
  // The end is exclusive: one past the `to` offset, or the first offset after the `to` time.
  const ends = await resolveBound(cluster, topic, online, query.to, 1n);
  return {
    partitions: online.map((state) => {
      const start = clamp(starts.get(state.partition) ?? state.low, state);
      const end = clamp(ends.get(state.partition) ?? state.high, state);
      return { partition: state.partition, leader: state.leader, start, end: end < start ? start : end };
    }),
    offline: states.filter((state) => state.leader === null).map((state) => state.partition),
    fromMs: query.from?.type === "time" ? query.from.ms : null,
    toMs: query.to?.type === "time" ? query.to.ms : null,
  };
}

async function resolveBound(
  cluster: InternalCluster,
  topic: string,
  states: readonly TPartitionState[],
  bound: TSearchBound | null,
  past: bigint,
): Promise<Map<number, bigint>> {
  if (bound === null) return new Map();
  if (bound.type === "offset") return new Map(states.map((state) => [state.partition, BigInt(bound.offset) + past]));
  return offsetsForTimestamp(cluster, topic, states, bound.ms + Number(past));
}

function clamp(offset: bigint, state: TPartitionState): bigint {
  if (offset < state.low) return state.low;
  if (offset > state.high) return state.high;
  return offset;
}
