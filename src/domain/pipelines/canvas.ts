/**
 * The canvas is derived from the document: small pure functions from document to @xyflow/react's
 * nodes and edges and back. Types only from @xyflow/react, so that this stays plain TypeScript.
 */
import type { Edge, Node } from "@xyflow/react";
import type { TPipelineDocument, TPipelineNode } from "./document";
import type { TPipelineProblem } from "./pipeline-dto";

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
};
export type TCanvasNode = Node<TCanvasNodeData, "pipeline">;
export type TCanvasEdgeData = {
  problems: TPipelineProblem[];
  /** Records that crossed the edge in the last dry run, and their inferred shape. */
  run?: { count: number; shape: Record<string, unknown> | null } | null;
  diff?: TDiffMark | null;
};
export type TCanvasEdge = Edge<TCanvasEdgeData>;

// CONTRACT PLACEHOLDER: the document helper implements these.
export function toCanvas(
  document: TPipelineDocument,
  problems: readonly TPipelineProblem[],
  selected: ReadonlySet<string>,
): { nodes: TCanvasNode[]; edges: TCanvasEdge[] } {
  void document;
  void problems;
  void selected;
  return { nodes: [], edges: [] };
}
