/**
 * Canvas edits as document edits: each takes a document and returns a new one (never mutates),
 * so that undo/redo is a list of documents and the canvas is always derived.
 */
import type { TPipelineDocument, TPipelineEdge, TPipelineNode } from "./document";
import type { TNodeKind } from "./kind-spec";

// CONTRACT PLACEHOLDER: the document helper implements these.
const notYet = (): never => {
  throw new Error("not yet");
};

/** Adds a node of a kind with its defaults at a position; the id is `<kind>-<n>`, unused in the document. */
export function addNode(
  document: TPipelineDocument,
  kind: TNodeKind,
  position: { x: number; y: number },
): { document: TPipelineDocument; nodeId: string } {
  void document;
  void kind;
  void position;
  return notYet();
}
/** Removes nodes and edges by id (and every edge touching a removed node). */
export function removeElements(
  document: TPipelineDocument,
  ids: { nodes: readonly string[]; edges: readonly string[] },
): TPipelineDocument {
  void document;
  void ids;
  return notYet();
}
export function moveNodes(
  document: TPipelineDocument,
  positions: Record<string, { x: number; y: number }>,
): TPipelineDocument {
  void document;
  void positions;
  return notYet();
}
/** Connects two ports; returns a sentence instead when the connection can never be valid (same node, duplicate edge, unknown port). */
export function connect(
  document: TPipelineDocument,
  connection: { source: string; sourcePort: string; target: string; targetPort: string },
): { ok: true; document: TPipelineDocument; edgeId: string } | { ok: false; sentence: string } {
  void document;
  void connection;
  return notYet();
}
export function updateNode(
  document: TPipelineDocument,
  nodeId: string,
  patch: Partial<Pick<TPipelineNode, "label" | "config">>,
): TPipelineDocument {
  void document;
  void nodeId;
  void patch;
  return notYet();
}
/** What copy puts on the clipboard: the nodes and the edges between them. */
export type TClipboard = { nodes: TPipelineNode[]; edges: TPipelineEdge[] };
export function copySelection(document: TPipelineDocument, nodeIds: readonly string[]): TClipboard {
  void document;
  void nodeIds;
  return notYet();
}
/** Pastes with fresh ids, offset so the copies do not cover the originals; returns the new ids. */
export function paste(
  document: TPipelineDocument,
  clipboard: TClipboard,
  offset: { x: number; y: number },
): { document: TPipelineDocument; nodeIds: string[] } {
  void document;
  void clipboard;
  void offset;
  return notYet();
}
