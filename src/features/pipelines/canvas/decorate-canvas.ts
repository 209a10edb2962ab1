import type { TCanvasEdge, TCanvasNode } from "~/domain/pipelines/canvas";
import { specOf } from "~/domain/pipelines/kinds";
import type { TDryRunResult } from "~/domain/pipelines/pipeline-dto";
import { liveAriaText, type TLiveDecorations } from "../runtime/live-decorations";
import { nodeTitle } from "./node-text";

function nodeAriaLabel(node: TCanvasNode, live: TLiveDecorations | null): string {
  const { node: pipelineNode, problems } = node.data;
  const what = `${specOf(pipelineNode.kind).label}: ${nodeTitle(pipelineNode)}`;
  const mark = node.data.live ?? live?.nodes.get(node.id);
  const sentences = [what, ...problems.map((problem) => problem.sentence), ...(mark ? [liveAriaText(mark)] : [])];
  return sentences.length === 1 ? what : `${what}. ${sentences.slice(1).join(" ")}`;
}

/**
 * Puts the last dry run's counts on the derived canvas (nodes: in/out/dead; edges: records and
 * shape), and while the pipeline is deployed its live marks (state, instances, rates) and the
 * dead-letter edges; draws every edge with the pipeline edge view and marks the selected edges.
 * Pure, so the canvas stays a function of the document, the problems, the selection, the run and
 * the overlay.
 */
export function decorateCanvas(
  canvas: { nodes: TCanvasNode[]; edges: TCanvasEdge[] },
  run: TDryRunResult | null,
  selectedEdges: ReadonlySet<string>,
  live: TLiveDecorations | null = null,
): { nodes: TCanvasNode[]; edges: TCanvasEdge[] } {
  const nodes = canvas.nodes.map((node): TCanvasNode => {
    // Screen readers and keyboard users hear what the node is, what is wrong with it and what it does now.
    const ariaLabel = nodeAriaLabel(node, live);
    const nodeRun = run?.nodes[node.id];
    const liveMark = live?.nodes.get(node.id) ?? null;
    if (!nodeRun && !liveMark) return { ...node, ariaLabel };
    const counts = nodeRun
      ? { received: nodeRun.received, emitted: nodeRun.emitted, deadLettered: nodeRun.deadLettered }
      : node.data.run;
    return { ...node, ariaLabel, data: { ...node.data, run: counts, live: liveMark } };
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
        live: live?.edges.get(edge.id) ?? null,
      },
    };
  });
  if (!live) return { nodes, edges };
  const extraNodes = live.extraNodes.map((node) => ({ ...node, ariaLabel: nodeAriaLabel(node, live) }));
  return { nodes: [...nodes, ...extraNodes], edges: [...edges, ...live.extraEdges] };
}
