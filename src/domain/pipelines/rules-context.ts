/**
 * What every rule needs to know about a document, computed once: nodes by id, each node's parsed
 * config (when it is valid), its ports, the edges in and out of it, and how a sentence names it.
 */
import type { TPipelineDocument, TPipelineEdge, TPipelineNode } from "./document";
import { specOf } from "./kinds";
import type { TPipelineFacts, TPipelineProblem, TPipelineRule, TTopicFacts } from "./pipeline-dto";

export type TRuleContext = {
  document: TPipelineDocument;
  facts: TPipelineFacts;
  nodes: ReadonlyMap<string, TPipelineNode>;
  /** The parsed config of each node whose config is valid; a node missing here has an invalid-config problem. */
  configs: ReadonlyMap<string, unknown>;
  incoming: ReadonlyMap<string, TPipelineEdge[]>;
  outgoing: ReadonlyMap<string, TPipelineEdge[]>;
};

export function ruleContext(document: TPipelineDocument, facts: TPipelineFacts): TRuleContext {
  const nodes = new Map(document.nodes.map((node) => [node.id, node]));
  const configs = new Map<string, unknown>();
  for (const node of document.nodes) {
    const parsed = specOf(node.kind).config.safeParse(node.config);
    if (parsed.success) configs.set(node.id, parsed.data);
  }
  const incoming = new Map<string, TPipelineEdge[]>();
  const outgoing = new Map<string, TPipelineEdge[]>();
  for (const edge of document.edges) {
    pushTo(incoming, edge.target, edge);
    pushTo(outgoing, edge.source, edge);
  }
  return { document, facts, nodes, configs, incoming, outgoing };
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export const isStep = (node: TPipelineNode): boolean => specOf(node.kind).category === "step";

export function topicNameOf(node: TPipelineNode | undefined): string | null {
  if (node?.kind !== "topic") return null;
  const name = node.config.topicName.trim();
  return name === "" ? null : name;
}

/** How a sentence names a node at its start: "Clean step clean-1", "Topic telemetry.raw", "Topic node topic-2". */
export function nodeName(node: TPipelineNode): string {
  if (node.kind === "topic") {
    const name = topicNameOf(node);
    return name === null ? `Topic node ${node.id}` : `Topic ${name}`;
  }
  const kindLabel = specOf(node.kind).label;
  const label = node.label.trim();
  return label === "" ? `${kindLabel} step ${node.id}` : `${kindLabel} step "${label}" (${node.id})`;
}

/** The same name inside a sentence: "the clean step clean-1", "topic telemetry.raw". */
export function nodeNameInline(node: TPipelineNode): string {
  const name = nodeName(node);
  return node.kind === "topic" ? name.charAt(0).toLowerCase() + name.slice(1) : `the ${lowerKind(name)}`;
}

function lowerKind(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** The node's ports, or null when its config is invalid (the ports of a broken route are unknown). */
export function portsOf(
  context: TRuleContext,
  node: TPipelineNode,
): { inputs: readonly string[]; outputs: readonly string[] } | null {
  if (!context.configs.has(node.id)) return null;
  const spec = specOf(node.kind);
  const config = context.configs.get(node.id);
  return { inputs: spec.inputs(config), outputs: spec.outputs(config) };
}

/** The topic names wired to one input port of a step (only topic nodes count). */
export function topicsInto(context: TRuleContext, nodeId: string, port: string): string[] {
  return (context.incoming.get(nodeId) ?? [])
    .filter((edge) => edge.targetPort === port)
    .map((edge) => topicNameOf(context.nodes.get(edge.source)))
    .filter((name): name is string => name !== null);
}

/** The topic names a step writes (any output port). */
export function topicsOutOf(context: TRuleContext, nodeId: string): string[] {
  return (context.outgoing.get(nodeId) ?? [])
    .map((edge) => topicNameOf(context.nodes.get(edge.target)))
    .filter((name): name is string => name !== null);
}

/** Facts of a topic, or undefined when they are unknown (offline): fact-based rules then say nothing. */
export function factsOf(context: TRuleContext, topic: string): TTopicFacts | undefined {
  return Object.hasOwn(context.facts.topics, topic) ? context.facts.topics[topic] : undefined;
}

export function problem(
  rule: TPipelineRule,
  severity: TPipelineProblem["severity"],
  at: { nodeId?: string | null; edgeId?: string | null },
  sentence: string,
): TPipelineProblem {
  return { rule, severity, nodeId: at.nodeId ?? null, edgeId: at.edgeId ?? null, sentence };
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
