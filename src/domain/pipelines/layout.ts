/** Auto-layout left to right (dagre): raw topics on the left, results on the right. */
import dagre from "@dagrejs/dagre";
import type { TPipelineDocument } from "./document";

/** About the size the canvas draws a node (title, summary, ports), so that ranks do not overlap. */
export const LAYOUT_NODE_WIDTH = 220;
export const LAYOUT_NODE_HEIGHT = 80;
const NODE_GAP = 40;
const RANK_GAP = 80;
const DAGRE_NODE_LIMIT = 1_000;

type TPositions = Map<string, { x: number; y: number }>;

/** New positions only: ids, configs and edges stay as they are. */
export function autoLayout(document: TPipelineDocument): TPipelineDocument {
  if (document.nodes.length === 0) return document;
  // Past this size dagre takes seconds (measured: 2.6 s for a 1,000-node chain) and may overflow.
  if (document.nodes.length > DAGRE_NODE_LIMIT) return layeredLayout(document);
  return withPositions(document, dagrePositions(document) ?? layeredPositions(document));
}

/** The fallback for graphs too deep for dagre (exported for its test): ranks left to right, no crossing reduction. */
export function layeredLayout(document: TPipelineDocument): TPipelineDocument {
  return withPositions(document, layeredPositions(document));
}

function withPositions(document: TPipelineDocument, positions: TPositions): TPipelineDocument {
  return {
    ...document,
    nodes: document.nodes.map((node) => ({ ...node, position: positions.get(node.id) ?? node.position })),
  };
}

function dagrePositions(document: TPipelineDocument): TPositions | null {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: "LR", nodesep: NODE_GAP, ranksep: RANK_GAP, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of document.nodes) graph.setNode(node.id, { width: LAYOUT_NODE_WIDTH, height: LAYOUT_NODE_HEIGHT });
  for (const edge of document.edges) {
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.setEdge(edge.source, edge.target, {}, edge.id);
  }
  try {
    dagre.layout(graph);
  } catch (error) {
    // dagre recurses along paths: a chain of a thousand nodes or so overflows the stack.
    if (error instanceof RangeError) return null;
    throw error;
  }
  // dagre gives centres; the canvas places a node by its top-left corner.
  return new Map(
    document.nodes.map((node) => {
      const { x, y } = graph.node(node.id);
      return [node.id, { x: Math.round(x - LAYOUT_NODE_WIDTH / 2), y: Math.round(y - LAYOUT_NODE_HEIGHT / 2) }];
    }),
  );
}

/**
 * The plain layering dagre starts from, for graphs too deep for it: each node one rank right of the
 * furthest node feeding it (edges closing a cycle ignored), stacked in document order within a rank.
 */
function layeredPositions(document: TPipelineDocument): TPositions {
  const ids = document.nodes.map((node) => node.id);
  const successors = new Map<string, string[]>(ids.map((id) => [id, []]));
  const inDegree = new Map(ids.map((id) => [id, 0]));
  for (const edge of document.edges) {
    if (!successors.has(edge.source) || !inDegree.has(edge.target)) continue;
    successors.get(edge.source)!.push(edge.target);
    inDegree.set(edge.target, inDegree.get(edge.target)! + 1);
  }
  const rank = new Map<string, number>();
  const queued = new Set(ids.filter((id) => inDegree.get(id) === 0));
  const queue = [...queued];
  const total = successors.size;
  // Kahn's order. When only cycles are left, a node some placed node feeds (it has a rank already)
  // goes next, which breaks the cycle at the edge that closes it; else the first node not placed.
  for (let index = 0; queued.size < total || index < queue.length; index++) {
    if (index >= queue.length) {
      const next = ids.find((id) => !queued.has(id) && rank.has(id)) ?? ids.find((id) => !queued.has(id))!;
      queue.push(next);
      queued.add(next);
    }
    const id = queue[index]!;
    const here = rank.get(id) ?? 0;
    rank.set(id, here);
    for (const target of successors.get(id)!) {
      if (queued.has(target)) continue;
      rank.set(target, Math.max(rank.get(target) ?? 0, here + 1));
      const remaining = inDegree.get(target)! - 1;
      inDegree.set(target, remaining);
      if (remaining === 0) {
        queued.add(target);
        queue.push(target);
      }
    }
  }
  const filled = new Map<number, number>();
  const positions: TPositions = new Map();
  for (const id of ids) {
    const column = rank.get(id) ?? 0;
    const row = filled.get(column) ?? 0;
    filled.set(column, row + 1);
    positions.set(id, { x: column * (LAYOUT_NODE_WIDTH + RANK_GAP), y: row * (LAYOUT_NODE_HEIGHT + NODE_GAP) });
  }
  return positions;
}
