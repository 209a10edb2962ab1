/** What is selected on the canvas: node ids and edge ids (kept apart, since their ids may look alike). */
export type TSelection = { nodes: ReadonlySet<string>; edges: ReadonlySet<string> };

export const EMPTY_SELECTION: TSelection = { nodes: new Set(), edges: new Set() };

export const selectNodes = (ids: Iterable<string>): TSelection => ({ nodes: new Set(ids), edges: new Set() });

/** Applies React Flow's select changes (a click, a box selection, Escape) to the selection. */
export function applySelectChanges(
  selection: TSelection,
  changes: readonly { id: string; selected: boolean }[],
  which: "nodes" | "edges",
): TSelection {
  if (changes.length === 0) return selection;
  const next = new Set(selection[which]);
  for (const change of changes) {
    if (change.selected) next.add(change.id);
    else next.delete(change.id);
  }
  return { ...selection, [which]: next };
}

/** Drops ids no longer in the document (after undo, a removal, their version). */
export function pruneSelection(
  selection: TSelection,
  nodeIds: ReadonlySet<string>,
  edgeIds: ReadonlySet<string>,
): TSelection {
  const nodes = [...selection.nodes].filter((id) => nodeIds.has(id));
  const edges = [...selection.edges].filter((id) => edgeIds.has(id));
  if (nodes.length === selection.nodes.size && edges.length === selection.edges.size) return selection;
  return { nodes: new Set(nodes), edges: new Set(edges) };
}
