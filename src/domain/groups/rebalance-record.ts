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
  /**
   * 1 for the group as first seen; one more each time it was deleted and created again with the
   * same id. Generations restart in each incarnation.
   */
  incarnation: number;
  stateChanges: TStateChange[];
  joined: TRebalanceMember[];
  left: TRebalanceMember[];
  /** null when the watcher started while the group was already rebalancing. */
  before: TGroupMember[] | null;
  /** null while in progress. */
  after: TGroupMember[] | null;
  moved: TMovedPartition[];
};

export type TRebalancePage = {
  items: TRebalanceRecord[];
  total: number;
  /** The incarnation of the rebalance just older than this page (on the next page); null on the last page. */
  olderIncarnation: number | null;
};

/**
 * What the live `watch` stream pushes: the group's state and generation now and its newest stored
 * rebalance, all from one snapshot — the rebalance that snapshot ended is stored before the event
 * is sent, so a page that shows "Stable · generation 5" from it never shows that rebalance as still
 * in progress.
 */
export type TRebalanceWatchEvent =
  | {
      status: "ok";
      observedAt: number;
      state: string;
      memberCount: number;
      /** Read from __consumer_offsets with the same snapshot; null when unknown. */
      generation: number | null;
      /** Increases with every stored change, so a client refetches only when it moves. */
      revision: number;
      changed: TRebalanceRecord | null;
      /** The group's newest stored rebalance after this snapshot; null when none is stored. */
      newest: TRebalanceRecord | null;
    }
  | { status: "unreachable"; observedAt: number; message: string; hint: string | null; retryInMs: number };
