/**
 * The revisions diff on a canvas: the newer document's nodes and edges marked added or changed,
 * plus the older document's removed ones drawn where they were, marked removed.
 */
import { toCanvas, type TCanvasEdge, type TCanvasNode } from "~/domain/pipelines/canvas";
import type { TPipelineDocument } from "~/domain/pipelines/document";
import type { TPipelineDiff } from "~/domain/pipelines/pipeline-dto";

export function diffCanvas(
  older: TPipelineDocument,
  newer: TPipelineDocument,
  diff: TPipelineDiff,
): { nodes: TCanvasNode[]; edges: TCanvasEdge[] } {
  const none = new Set<string>();
  const after = toCanvas(newer, [], none);
  const before = toCanvas(older, [], none);
  const added = new Set(diff.nodes.added);
  // A node only moved is not marked: the canvas shows where it is now.
  const changed = new Set(
    diff.nodes.changed
      .filter((change) => change.fields.some((field) => field !== "position"))
      .map((change) => change.id),
  );
  const removed = new Set(diff.nodes.removed);
  const addedEdges = new Set(diff.edges.added);
  const removedEdges = new Set(diff.edges.removed);
  const nodes: TCanvasNode[] = [
    ...after.nodes.map((node) => ({
      ...node,
      data: {
        ...node.data,
        diff: added.has(node.id) ? ("added" as const) : changed.has(node.id) ? ("changed" as const) : null,
      },
    })),
    ...before.nodes
      .filter((node) => removed.has(node.id))
      .map((node) => ({ ...node, id: removedId(node.id), data: { ...node.data, diff: "removed" as const } })),
  ];
  const edges: TCanvasEdge[] = [
    ...after.edges.map((edge) => ({
      ...edge,
      data: { problems: edge.data?.problems ?? [], diff: addedEdges.has(edge.id) ? ("added" as const) : null },
    })),
    ...before.edges
      .filter((edge) => removedEdges.has(edge.id))
      .map((edge) => ({
        ...edge,
        // Ids may repeat across documents; a removed edge ends at the removed copy of a removed node.
        id: removedId(edge.id),
        source: removed.has(edge.source) ? removedId(edge.source) : edge.source,
        target: removed.has(edge.target) ? removedId(edge.target) : edge.target,
        data: { problems: [], diff: "removed" as const },
      })),
  ];
  return { nodes, edges };
}

/** A removed node's id on the diff canvas; a node id has no ':' (NODE_ID_PATTERN), so nothing clashes. */
export function removedId(id: string): string {
  return `removed:${id}`;
}

/** The document node id behind a diff canvas node id. */
export function documentNodeId(canvasId: string): string {
  return canvasId.startsWith("removed:") ? canvasId.slice("removed:".length) : canvasId;
}
