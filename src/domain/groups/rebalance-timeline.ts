import type { TRebalanceRecord } from "./rebalance-record";

/** One line of the rebalance timeline, newest first. */
export type TTimelineRow =
  | {
      kind: "rebalance";
      rebalance: TRebalanceRecord;
      /** Left open by a watcher that stopped before it ended: a newer rebalance exists, so it did end. */
      isUnfinished: boolean;
      /** The generation to show; null when unknown or when it would repeat the older rebalance's. */
      generation: number | null;
    }
  /** Between the rebalances of two incarnations: the group was deleted and created again. */
  | { kind: "restart"; incarnation: number };

/**
 * The newest stored rebalance as the live watch sent it replaces its stored copy (or comes first
 * when it is newer than the page): the page then shows what the header shows, from one snapshot,
 * without waiting for the rows to be read again.
 */
export function withLiveNewest(items: TRebalanceRecord[], live: TRebalanceRecord | null): TRebalanceRecord[] {
  if (!live) return items;
  if (items.some((item) => item.id === live.id)) return items.map((item) => (item.id === live.id ? live : item));
  const [first] = items;
  return !first || live.detectedAt > first.detectedAt ? [live, ...items] : items;
}

/**
 * The page's rows with a marker wherever the group was deleted and created again, so that its
 * restarted generations never read as repeats. `olderIncarnation` is that of the rebalance just
 * below the page (null on the last page); `isFirstPage` says whether the first item is the newest.
 */
export function timelineRows(
  items: TRebalanceRecord[],
  olderIncarnation: number | null,
  isFirstPage: boolean,
): TTimelineRow[] {
  return items.flatMap((rebalance, index): TTimelineRow[] => {
    const older = items[index + 1];
    const olderInSame = older?.incarnation === rebalance.incarnation ? older : undefined;
    const repeats =
      rebalance.generation !== null &&
      olderInSame?.generation != null &&
      rebalance.generation <= olderInSame.generation;
    const row: TTimelineRow = {
      kind: "rebalance",
      rebalance,
      isUnfinished: rebalance.completedAt === null && (index > 0 || !isFirstPage),
      generation: repeats ? null : rebalance.generation,
    };
    const below = older?.incarnation ?? olderIncarnation;
    return below !== null && below < rebalance.incarnation
      ? [row, { kind: "restart", incarnation: rebalance.incarnation }]
      : [row];
  });
}
