/**
 * The document as the engine walks it: each node with its built step (or the sentence why it could
 * not be built), its run counters, and its outgoing edges by port.
 */
import type { TPipelineDocument, TPipelineEdge, TPipelineNode } from "../document";
import { specOf } from "../kinds";
import type { TEdgeRun, TNodeRun } from "../pipeline-dto";
import { INPUT_PORT, TABLE_PORT, type TStep, type TStepHost } from "../step-types";

export type TGraphEdge = { edge: TPipelineEdge; run: TEdgeRun; target: TGraphNode };

export type TGraphNode = {
  node: TPipelineNode;
  /** The topic's name for topic nodes, else null. */
  topicName: string | null;
  step: TStep | null;
  run: TNodeRun;
  outEdges: Map<string, TGraphEdge[]>;
  /** The topic a step's records go to per output port (the first topic an edge of that port reaches). */
  portTopics: Map<string, string>;
};

export type TGraph = { nodes: TGraphNode[]; byId: Map<string, TGraphNode>; edgeRuns: Record<string, TEdgeRun> };

export function newNodeRun(nodeId: string): TNodeRun {
  return { nodeId, received: 0, emitted: 0, deadLettered: 0, samples: [], errors: [] };
}

export function buildGraph(document: TPipelineDocument, hostFor: (nodeId: string) => TStepHost): TGraph {
  const byId = new Map<string, TGraphNode>();
  for (const node of document.nodes) {
    byId.set(node.id, {
      node,
      topicName: node.kind === "topic" ? node.config.topicName : null,
      step: null,
      run: newNodeRun(node.id),
      outEdges: new Map(),
      portTopics: new Map(),
    });
  }
  const edgeRuns: Record<string, TEdgeRun> = {};
  const topicAt = new Map<string, string>();
  for (const edge of document.edges) {
    const run: TEdgeRun = { edgeId: edge.id, count: 0, records: [], shape: null, schemaMisfits: [], misfitCount: 0 };
    edgeRuns[edge.id] = run;
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target) continue;
    const list = source.outEdges.get(edge.sourcePort) ?? [];
    list.push({ edge, run, target });
    source.outEdges.set(edge.sourcePort, list);
    if (target.topicName !== null && !source.portTopics.has(edge.sourcePort)) {
      source.portTopics.set(edge.sourcePort, target.topicName);
    }
    if (source.topicName !== null) topicAt.set(`${edge.target}\u0000${edge.targetPort}`, source.topicName);
  }
  for (const graphNode of byId.values()) {
    if (graphNode.topicName === null) buildStep(graphNode, topicAt, hostFor);
  }
  return { nodes: [...byId.values()], byId, edgeRuns };
}

function buildStep(graphNode: TGraphNode, topicAt: Map<string, string>, hostFor: (nodeId: string) => TStepHost) {
  const { node } = graphNode;
  const createStep = specOf(node.kind).createStep;
  if (!createStep) return;
  try {
    graphNode.step = createStep({
      nodeId: node.id,
      config: node.config,
      inputTopic: topicAt.get(`${node.id}\u0000${INPUT_PORT}`) ?? "",
      tableTopic: topicAt.get(`${node.id}\u0000${TABLE_PORT}`) ?? null,
      outputTopics: Object.fromEntries(graphNode.portTopics),
      host: hostFor(node.id),
    });
  } catch (error) {
    graphNode.run.errors.push(error instanceof Error ? error.message : String(error));
  }
}

/** Nodes so that every edge goes forward where it can (Kahn); nodes on a cycle follow in document order. */
export function topologicalOrder(graph: TGraph): TGraphNode[] {
  const incoming = new Map<TGraphNode, number>(graph.nodes.map((n) => [n, 0]));
  for (const node of graph.nodes) {
    for (const edges of node.outEdges.values())
      for (const e of edges) incoming.set(e.target, incoming.get(e.target)! + 1);
  }
  const ready = graph.nodes.filter((n) => incoming.get(n) === 0);
  const order: TGraphNode[] = [];
  while (ready.length > 0) {
    const node = ready.shift()!;
    order.push(node);
    for (const edges of node.outEdges.values()) {
      for (const e of edges) {
        const left = incoming.get(e.target)! - 1;
        incoming.set(e.target, left);
        if (left === 0) ready.push(e.target);
      }
    }
  }
  const placed = new Set(order);
  return [...order, ...graph.nodes.filter((n) => !placed.has(n))];
}
