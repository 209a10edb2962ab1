/**
 * The canvas is derived from the document: small pure functions from document to @xyflow/react's
 * nodes and edges and back. Types only from @xyflow/react, so that this stays plain TypeScript.
 */
import type { Edge, EdgeChange, Node, NodeChange } from "@xyflow/react";
import type { TPipelineDocument, TPipelineNode } from "./document";
import { moveNodes, removeElements } from "./edits";
import type { TPipelineProblem } from "./pipeline-dto";
import type { TLiveEdgeMark, TLiveNodeMark } from "./runtime/live-marks";

/** How a node differs from the other side of a revision diff (the revisions page colours it). */
export type TDiffMark = "added" | "removed" | "changed";

/**
 * What a canvas node carries: its document node, the problems shown on it, and optionally its
 * last dry-run counts and its mark in a revision diff.
 */
export type TCanvasNodeData = {
  node: TPipelineNode;
  problems: TPipelineProblem[];
  run?: { received: number; emitted: number; deadLettered: number } | null;
  diff?: TDiffMark | null;
  /** The deployed pipeline's live state on this node (the runtime overlay). */
  live?: TLiveNodeMark | null;
};
export type TCanvasNode = Node<TCanvasNodeData, "pipeline">;
export type TCanvasEdgeData = {
  problems: TPipelineProblem[];
  /** Records that crossed the edge in the last dry run, and their inferred shape. */
  run?: { count: number; shape: Record<string, unknown> | null } | null;
  diff?: TDiffMark | null;
  /** Records per second on this edge while the pipeline is deployed. */
  live?: TLiveEdgeMark | null;
};
export type TCanvasEdge = Edge<TCanvasEdgeData>;

export function toCanvas(
  document: TPipelineDocument,
  problems: readonly TPipelineProblem[],
  selected: ReadonlySet<string>,
): { nodes: TCanvasNode[]; edges: TCanvasEdge[] } {
  const byNode = groupBy(problems, (problem) => problem.nodeId);
  const byEdge = groupBy(problems, (problem) => problem.edgeId);
  const nodes = document.nodes.map((node): TCanvasNode => ({
    id: node.id,
    type: "pipeline",
    position: { ...node.position },
    data: { node, problems: byNode.get(node.id) ?? [] },
    selected: selected.has(node.id),
  }));
  const edges = document.edges.map((edge): TCanvasEdge => ({
    id: edge.id,
    source: edge.source,
    target: edge.target,
    sourceHandle: edge.sourcePort,
    targetHandle: edge.targetPort,
    data: { problems: byEdge.get(edge.id) ?? [] },
    selected: selected.has(edge.id),
  }));
  return { nodes, edges };
}

/**
 * The canvas's node changes as a document: moves and removals change it; selection and measured
 * sizes are the canvas's own. Returns the same document when nothing in it changed, so that the
 * editor records no undo step for a click.
 */
export function documentFromNodeChanges(
  document: TPipelineDocument,
  changes: readonly NodeChange<TCanvasNode>[],
): TPipelineDocument {
  const positions: Record<string, { x: number; y: number }> = {};
  const removed: string[] = [];
  for (const change of changes) {
    if (change.type === "position" && change.position) positions[change.id] = { ...change.position };
    if (change.type === "remove") removed.push(change.id);
  }
  return removeElements(moveNodes(document, positions), { nodes: removed, edges: [] });
}

/** The canvas's edge changes as a document: only removals change it (connections go through `connect`). */
export function documentFromEdgeChanges(
  document: TPipelineDocument,
  changes: readonly EdgeChange<TCanvasEdge>[],
): TPipelineDocument {
  const removed = changes.flatMap((change) => (change.type === "remove" ? [change.id] : []));
  return removeElements(document, { nodes: [], edges: removed });
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
