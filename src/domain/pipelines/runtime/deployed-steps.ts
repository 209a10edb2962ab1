/**
 * A deployed document as the runtime sees it: one entry per step node (topic nodes are Kafka's),
 * with the topic it reads, the topics it writes per port, and a fingerprint of everything that
 * decides its output. A redeploy restarts only the steps whose fingerprint changed; the plan shows
 * the same list.
 */
import type { TPipelineDocument, TPipelineNode } from "../document";
import { INPUT_PORT, TABLE_PORT } from "../step-types";

export type TDeployedStep = {
  nodeId: string;
  kind: Exclude<TPipelineNode["kind"], "topic">;
  node: TPipelineNode;
  /** The topic on the "in" port; null when unconnected (the rules refuse such a pipeline as ready). */
  inputTopic: string | null;
  /** Enrich's compacted topic on the "table" port. */
  tableTopic: string | null;
  /** Output topic per port: the first topic node an edge of that port reaches. */
  outputTopics: Record<string, string>;
  /** Equal fingerprints: the step would write the same records; unchanged steps keep running. */
  fingerprint: string;
};

export function deployedSteps(document: TPipelineDocument): TDeployedStep[] {
  const topicOf = new Map(
    document.nodes.flatMap((node) => (node.kind === "topic" ? [[node.id, node.config.topicName] as const] : [])),
  );
  const steps: TDeployedStep[] = [];
  for (const node of document.nodes) {
    if (node.kind === "topic") continue;
    let inputTopic: string | null = null;
    let tableTopic: string | null = null;
    const outputTopics: Record<string, string> = {};
    for (const edge of document.edges) {
      if (edge.target === node.id) {
        const topic = topicOf.get(edge.source);
        if (topic === undefined) continue;
        if (edge.targetPort === INPUT_PORT) inputTopic ??= topic;
        if (edge.targetPort === TABLE_PORT) tableTopic ??= topic;
      }
      if (edge.source === node.id) {
        const topic = topicOf.get(edge.target);
        if (topic !== undefined && outputTopics[edge.sourcePort] === undefined) outputTopics[edge.sourcePort] = topic;
      }
    }
    const { deliveryMode, deadLetterTopic, startFrom } = document.settings;
    const fingerprint = JSON.stringify([
      node.kind,
      node.config,
      inputTopic,
      tableTopic,
      Object.entries(outputTopics).sort(([a], [b]) => a.localeCompare(b)),
      deliveryMode,
      deadLetterTopic,
      startFrom,
    ]);
    steps.push({ nodeId: node.id, kind: node.kind, node, inputTopic, tableTopic, outputTopics, fingerprint });
  }
  return steps;
}

/** Node ids of the steps a redeploy from `before` to `after` starts, restarts or stops. */
export function changedSteps(before: TPipelineDocument | null, after: TPipelineDocument): string[] {
  const old = new Map((before ? deployedSteps(before) : []).map((step) => [step.nodeId, step.fingerprint]));
  const now = deployedSteps(after);
  const changed = now.filter((step) => old.get(step.nodeId) !== step.fingerprint).map((step) => step.nodeId);
  const removed = [...old.keys()].filter((id) => !now.some((step) => step.nodeId === id));
  return [...changed, ...removed];
}

/** Steps whose per-key state lives in a changelog topic: dedupe, windows, z-score and EWMA. */
export function keepsState(step: TDeployedStep): boolean {
  const { node } = step;
  if (node.kind === "window") return true;
  if (node.kind === "clean") return node.config.dedupeWindowMs !== null;
  if (node.kind === "model") return node.config.method.type === "zscore" || node.config.method.type === "ewma";
  return false;
}
