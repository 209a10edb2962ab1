import type { TCanvasEdge, TCanvasNode } from "~/domain/pipelines/canvas";

/**
 * The canvas is derived afresh on every change, but React Flow redraws a node or an edge whenever
 * its object is new. While one node is dragged, the other 299 of a large pipeline are the same:
 * this hands back last render's object for each one that did not change, so only the moved node
 * (and its edges) redraw. `cache` holds the previous objects by id and is updated in place.
 */
export function reuseUnchanged<T extends { id: string }>(
  cache: Map<string, T>,
  items: readonly T[],
  isSame: (previous: T, next: T) => boolean,
): T[] {
  const seen = new Set<string>();
  const result = items.map((item) => {
    seen.add(item.id);
    const previous = cache.get(item.id);
    if (previous && isSame(previous, item)) return previous;
    cache.set(item.id, item);
    return item;
  });
  for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
  return result;
}

const sameItems = <T>(a: readonly T[] | undefined, b: readonly T[] | undefined) =>
  a === b ||
  (a !== undefined && b !== undefined && a.length === b.length && a.every((item, index) => item === b[index]));

const sameRun = (a: TCanvasNode["data"]["run"], b: TCanvasNode["data"]["run"]) =>
  a === b || (!!a && !!b && a.received === b.received && a.emitted === b.emitted && a.deadLettered === b.deadLettered);

/** Live marks carry a signature of what they show: equal signatures read the same on screen. */
const sameLive = (a: TCanvasNode["data"]["live"], b: TCanvasNode["data"]["live"]) =>
  a === b || (!!a && !!b && a.signature === b.signature);

const sameEdgeLive = (a: TCanvasEdge, b: TCanvasEdge) => {
  const [x, y] = [a.data?.live, b.data?.live];
  return x === y || (!!x && !!y && x.rate === y.rate && x.isIdle === y.isIdle && x.isDeadLetter === y.isDeadLetter);
};

export function isSameNode(a: TCanvasNode, b: TCanvasNode): boolean {
  return (
    a.data.node === b.data.node &&
    a.selected === b.selected &&
    a.ariaLabel === b.ariaLabel &&
    a.measured === b.measured &&
    a.data.diff === b.data.diff &&
    sameItems(a.data.problems, b.data.problems) &&
    sameRun(a.data.run, b.data.run) &&
    sameLive(a.data.live, b.data.live)
  );
}

export function isSameEdge(a: TCanvasEdge, b: TCanvasEdge): boolean {
  return (
    a.source === b.source &&
    a.target === b.target &&
    a.sourceHandle === b.sourceHandle &&
    a.targetHandle === b.targetHandle &&
    a.selected === b.selected &&
    a.type === b.type &&
    a.data?.diff === b.data?.diff &&
    sameItems(a.data?.problems, b.data?.problems) &&
    a.data?.run?.count === b.data?.run?.count &&
    a.data?.run?.shape === b.data?.run?.shape &&
    sameEdgeLive(a, b)
  );
}
