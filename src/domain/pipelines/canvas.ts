/**
 * The canvas is derived from the document: small pure functions from document to @xyflow/react's
 * nodes and edges and back. Types only from @xyflow/react, so that this stays plain TypeScript.
 */
import type { Edge, Node } from "@xyflow/react";
import type { TPipelineDocument, TPipelineNode } from "./document";
import type { TPipelineProblem } from "./pipeline-dto";

/** What a canvas node carries: its document node and the problems shown on it. */
export type TCanvasNodeData = { node: TPipelineNode; problems: TPipelineProblem[] };
export type TCanvasNode = Node<TCanvasNodeData, "pipeline">;
export type TCanvasEdgeData = { problems: TPipelineProblem[] };
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
