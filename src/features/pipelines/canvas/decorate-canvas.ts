import type { TCanvasEdge, TCanvasNode } from "~/domain/pipelines/canvas";
import type { TDryRunResult } from "~/domain/pipelines/pipeline-dto";

/**
 * Puts the last dry run's counts on the derived canvas (nodes: in/out/dead; edges: records and
 * shape), draws every edge with the pipeline edge view and marks the selected edges. Pure, so the
 * canvas stays a function of the document, the problems, the selection and the run.
 */
export function decorateCanvas(
  canvas: { nodes: TCanvasNode[]; edges: TCanvasEdge[] },
  run: TDryRunResult | null,
  selectedEdges: ReadonlySet<string>,
): { nodes: TCanvasNode[]; edges: TCanvasEdge[] } {
  const nodes = run
    ? canvas.nodes.map((node) => {
        const nodeRun = run.nodes[node.id];
        if (!nodeRun) return node;
        const counts = { received: nodeRun.received, emitted: nodeRun.emitted, deadLettered: nodeRun.deadLettered };
        return { ...node, data: { ...node.data, run: counts } };
      })
    : canvas.nodes;
  const edges = canvas.edges.map((edge) => {
    const edgeRun = run?.edges[edge.id];
    return {
      ...edge,
      type: "pipeline",
      selected: selectedEdges.has(edge.id),
      data: {
        problems: edge.data?.problems ?? [],
        diff: edge.data?.diff ?? null,
        run: edgeRun ? { count: edgeRun.count, shape: edgeRun.shape } : (edge.data?.run ?? null),
      },
    };
  });
  return { nodes, edges };
}
