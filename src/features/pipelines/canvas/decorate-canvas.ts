import type { TCanvasEdge, TCanvasNode } from "~/domain/pipelines/canvas";
import { specOf } from "~/domain/pipelines/kinds";
import type { TDryRunResult } from "~/domain/pipelines/pipeline-dto";
import { nodeTitle } from "./node-text";

function nodeAriaLabel(node: TCanvasNode): string {
  const { node: pipelineNode, problems } = node.data;
  const what = `${specOf(pipelineNode.kind).label}: ${nodeTitle(pipelineNode)}`;
  return problems.length === 0 ? what : `${what}. ${problems.map((problem) => problem.sentence).join(" ")}`;
}

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
  const nodes = canvas.nodes.map((node): TCanvasNode => {
    // Screen readers and keyboard users hear what the node is, and what is wrong with it.
    const ariaLabel = nodeAriaLabel(node);
    const nodeRun = run?.nodes[node.id];
    if (!nodeRun) return { ...node, ariaLabel };
    const counts = { received: nodeRun.received, emitted: nodeRun.emitted, deadLettered: nodeRun.deadLettered };
    return { ...node, ariaLabel, data: { ...node.data, run: counts } };
  });
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
