import type { TGroupMember } from "./group-dto";
import type { TMovedPartition, TRebalanceMember } from "./rebalance-diff";
import type { TStateChange } from "./rebalance-tracker";

/** A stored rebalance as the API returns it. Times are epoch milliseconds. */
export type TRebalanceRecord = {
  /** The row id (a bigint) as a string. */
  id: string;
  clusterId: string;
  groupId: string;
  detectedAt: number;
  /** null while the group is still rebalancing. */
  completedAt: number | null;
  /** null while in progress, or when the rebalance fell between two polls. */
  durationMs: number | null;
  /** The generation (group epoch for KIP-848) the rebalance ended in, read from __consumer_offsets; null when unknown. */
  generation: number | null;
  stateChanges: TStateChange[];
  joined: TRebalanceMember[];
  left: TRebalanceMember[];
  /** null when the watcher started while the group was already rebalancing. */
  before: TGroupMember[] | null;
  /** null while in progress. */
  after: TGroupMember[] | null;
  moved: TMovedPartition[];
};

export type TRebalancePage = { items: TRebalanceRecord[]; total: number };

/** What the live `watch` stream pushes: the group's state now and the rebalance that just changed. */
export type TRebalanceWatchEvent =
  | {
      status: "ok";
      observedAt: number;
      state: string;
      memberCount: number;
      /** Increases with every stored change, so a client refetches only when it moves. */
      revision: number;
      changed: TRebalanceRecord | null;
    }
  | { status: "unreachable"; observedAt: number; message: string; hint: string | null; retryInMs: number };
