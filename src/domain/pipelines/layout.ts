/** Auto-layout left to right (dagre): raw topics on the left, results on the right. */
import dagre from "@dagrejs/dagre";
import type { TPipelineDocument } from "./document";

/** About the size the canvas draws a node (title, summary, ports), so that ranks do not overlap. */
export const LAYOUT_NODE_WIDTH = 220;
export const LAYOUT_NODE_HEIGHT = 80;

/** New positions only: ids, configs and edges stay as they are. */
export function autoLayout(document: TPipelineDocument): TPipelineDocument {
  if (document.nodes.length === 0) return document;
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: "LR", nodesep: 40, ranksep: 80, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of document.nodes) graph.setNode(node.id, { width: LAYOUT_NODE_WIDTH, height: LAYOUT_NODE_HEIGHT });
  for (const edge of document.edges) {
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.setEdge(edge.source, edge.target, {}, edge.id);
  }
  dagre.layout(graph);
  return {
    ...document,
    nodes: document.nodes.map((node) => {
      // dagre gives centres; the canvas places a node by its top-left corner.
      const { x, y } = graph.node(node.id);
      return {
        ...node,
        position: { x: Math.round(x - LAYOUT_NODE_WIDTH / 2), y: Math.round(y - LAYOUT_NODE_HEIGHT / 2) },
      };
    }),
  };
}
