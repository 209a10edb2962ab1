/**
 * The pure core of a browse page across partitions. Each partition is a lane read in offset order
 * (forward for "after", backward for "before"); the page takes, one record at a time, the lane head
 * with the oldest (forward) or newest (backward) timestamp. Because every lane is consumed as a
 * prefix in offset order, a page's boundary is one offset per partition — exact cursors — even
 * when producers' timestamps are out of order.
 */

export type TMergeItem = { partition: number; offset: bigint; timestamp: string };

export type TLane<T extends TMergeItem> = {
  partition: number;
  /** Records read and not yet taken, in reading order (ascending forward, descending backward). */
  items: T[];
  /** True when the lane has no more records to read (end or start of the log reached). */
  isDone: boolean;
};

export type TDirection = "after" | "before";

/**
 * Takes up to `limit` records. When a lane runs dry before it is done, `refill` is called with
 * every such lane at once (one Fetch round) and must append to `items` or mark `isDone`.
 */
export async function mergeLanes<T extends TMergeItem>(
  lanes: TLane<T>[],
  direction: TDirection,
  limit: number,
  refill: (lanes: TLane<T>[]) => Promise<void>,
): Promise<T[]> {
  const taken: T[] = [];
  const heads = new Map(lanes.map((lane) => [lane, 0]));
  while (taken.length < limit) {
    const dry = lanes.filter((lane) => heads.get(lane)! >= lane.items.length && !lane.isDone);
    if (dry.length > 0) {
      for (const lane of dry) {
        lane.items.splice(0, heads.get(lane));
        heads.set(lane, 0);
      }
      await refill(dry);
      continue;
    }
    let best: TLane<T> | null = null;
    for (const lane of lanes) {
      const head = lane.items[heads.get(lane)!];
      if (!head) continue;
      const bestHead = best ? best.items[heads.get(best)!]! : null;
      if (!bestHead || comesFirst(head, bestHead, direction)) best = lane;
    }
    if (!best) break;
    const index = heads.get(best)!;
    taken.push(best.items[index]!);
    heads.set(best, index + 1);
  }
  for (const lane of lanes) lane.items.splice(0, heads.get(lane));
  return taken;
}

function comesFirst(a: TMergeItem, b: TMergeItem, direction: TDirection): boolean {
  const byTime = Number(a.timestamp) - Number(b.timestamp);
  if (byTime !== 0) return direction === "after" ? byTime < 0 : byTime > 0;
  return direction === "after" ? a.partition < b.partition : a.partition > b.partition;
}

/**
 * The cursors around a page read from `bounds` in `direction`: the far side continues past the
 * last record taken in each partition; the near side is `bounds` itself, read the other way.
 */
export function pageBoundaries(
  bounds: ReadonlyMap<number, bigint>,
  taken: readonly TMergeItem[],
  direction: TDirection,
): Map<number, bigint> {
  const far = new Map(bounds);
  for (const item of taken) {
    const current = far.get(item.partition);
    if (direction === "after") {
      if (current === undefined || item.offset + 1n > current) far.set(item.partition, item.offset + 1n);
    } else if (current === undefined || item.offset < current) {
      far.set(item.partition, item.offset);
    }
  }
  return far;
}
