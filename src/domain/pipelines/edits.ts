/**
 * Canvas edits as document edits: each takes a document and returns a new one (never mutates),
 * so that undo/redo is a list of documents and the canvas is always derived.
 */
import type { TPipelineDocument, TPipelineEdge, TPipelineNode } from "./document";
import type { TNodeKind } from "./kind-spec";
import { specOf } from "./kinds";

/** Adds a node of a kind with its defaults at a position; the id is `<kind>-<n>`, unused in the document. */
export function addNode(
  document: TPipelineDocument,
  kind: TNodeKind,
  position: { x: number; y: number },
): { document: TPipelineDocument; nodeId: string } {
  const nodeId = freshId(kind, usedNodeIds(document));
  const node = {
    id: nodeId,
    kind,
    label: "",
    position: { ...position },
    config: specOf(kind).defaults(),
  } as TPipelineNode;
  return { document: { ...document, nodes: [...document.nodes, node] }, nodeId };
}

/** Removes nodes and edges by id (and every edge touching a removed node). */
export function removeElements(
  document: TPipelineDocument,
  ids: { nodes: readonly string[]; edges: readonly string[] },
): TPipelineDocument {
  const nodes = new Set(ids.nodes);
  const edges = new Set(ids.edges);
  if (nodes.size === 0 && edges.size === 0) return document;
  return {
    ...document,
    nodes: nodes.size === 0 ? document.nodes : document.nodes.filter((node) => !nodes.has(node.id)),
    edges: document.edges.filter((edge) => !edges.has(edge.id) && !nodes.has(edge.source) && !nodes.has(edge.target)),
  };
}

export function moveNodes(
  document: TPipelineDocument,
  positions: Record<string, { x: number; y: number }>,
): TPipelineDocument {
  const moved = (node: TPipelineNode) => Object.hasOwn(positions, node.id);
  if (!document.nodes.some(moved)) return document;
  return {
    ...document,
    nodes: document.nodes.map((node) => (moved(node) ? { ...node, position: { ...positions[node.id]! } } : node)),
  };
}

/** Connects two ports; returns a sentence instead when the connection can never be valid (same node, duplicate edge, unknown port). */
export function connect(
  document: TPipelineDocument,
  connection: { source: string; sourcePort: string; target: string; targetPort: string },
): { ok: true; document: TPipelineDocument; edgeId: string } | { ok: false; sentence: string } {
  const { source, sourcePort, target, targetPort } = connection;
  if (source === target) return { ok: false, sentence: "A node cannot be connected to itself." };
  const from = document.nodes.find((node) => node.id === source);
  const to = document.nodes.find((node) => node.id === target);
  if (!from || !to) return { ok: false, sentence: `There is no node ${!from ? source : target} in this pipeline.` };
  const outputs = portsOf(from, "outputs");
  if (outputs && !outputs.includes(sourcePort)) {
    return { ok: false, sentence: `${from.id} has no output "${sourcePort}"; its outputs are ${outputs.join(", ")}.` };
  }
  const inputs = portsOf(to, "inputs");
  if (inputs && !inputs.includes(targetPort)) {
    return { ok: false, sentence: `${to.id} has no input "${targetPort}"; its inputs are ${inputs.join(", ")}.` };
  }
  const duplicate = document.edges.some(
    (edge) =>
      edge.source === source &&
      edge.sourcePort === sourcePort &&
      edge.target === target &&
      edge.targetPort === targetPort,
  );
  if (duplicate) return { ok: false, sentence: `${source} is already connected to ${target} there.` };
  const edgeId = freshId("edge", new Set(document.edges.map((edge) => edge.id)));
  const edge: TPipelineEdge = { id: edgeId, source, sourcePort, target, targetPort };
  return { ok: true, document: { ...document, edges: [...document.edges, edge] }, edgeId };
}

export function updateNode(
  document: TPipelineDocument,
  nodeId: string,
  patch: Partial<Pick<TPipelineNode, "label" | "config">>,
): TPipelineDocument {
  return {
    ...document,
    nodes: document.nodes.map((node) => (node.id === nodeId ? ({ ...node, ...patch } as TPipelineNode) : node)),
  };
}

/** What copy puts on the clipboard: the nodes and the edges between them. */
export type TClipboard = { nodes: TPipelineNode[]; edges: TPipelineEdge[] };

export function copySelection(document: TPipelineDocument, nodeIds: readonly string[]): TClipboard {
  const chosen = new Set(nodeIds);
  return structuredClone({
    nodes: document.nodes.filter((node) => chosen.has(node.id)),
    edges: document.edges.filter((edge) => chosen.has(edge.source) && chosen.has(edge.target)),
  });
}

/** Pastes with fresh ids, offset so the copies do not cover the originals; returns the new ids. */
export function paste(
  document: TPipelineDocument,
  clipboard: TClipboard,
  offset: { x: number; y: number },
): { document: TPipelineDocument; nodeIds: string[] } {
  const taken = usedNodeIds(document);
  const renamed = new Map<string, string>();
  const nodes = clipboard.nodes.map((node) => {
    const id = freshId(node.kind, taken);
    taken.add(id);
    renamed.set(node.id, id);
    const position = { x: node.position.x + offset.x, y: node.position.y + offset.y };
    return { ...structuredClone(node), id, position };
  });
  const edgeIds = new Set(document.edges.map((edge) => edge.id));
  const edges = clipboard.edges.flatMap((edge) => {
    const source = renamed.get(edge.source);
    const target = renamed.get(edge.target);
    if (source === undefined || target === undefined) return [];
    const id = freshId("edge", edgeIds);
    edgeIds.add(id);
    return [{ ...edge, id, source, target }];
  });
  return {
    document: { ...document, nodes: [...document.nodes, ...nodes], edges: [...document.edges, ...edges] },
    nodeIds: nodes.map((node) => node.id),
  };
}

function usedNodeIds(document: TPipelineDocument): Set<string> {
  return new Set(document.nodes.map((node) => node.id));
}

/** `<prefix>-<n>` with the smallest n from 1 that is not taken. */
function freshId(prefix: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const id = `${prefix}-${n}`;
    if (!taken.has(id)) return id;
  }
}

/** A node's ports, or null when its config is invalid (a route being edited): the rules judge it then. */
function portsOf(node: TPipelineNode, side: "inputs" | "outputs"): readonly string[] | null {
  const spec = specOf(node.kind);
  const parsed = spec.config.safeParse(node.config);
  return parsed.success ? spec[side](parsed.data) : null;
}
