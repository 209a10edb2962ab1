import type { TPipelineNode } from "~/domain/pipelines/document";
import { specOf } from "~/domain/pipelines/kinds";

/** The title a node shows: its label, else its topic's name (topics), else its kind's label. */
export function nodeTitle(node: TPipelineNode): string {
  if (node.label) return node.label;
  if (node.kind === "topic") return node.config.topicName || "Unnamed topic";
  return specOf(node.kind).label;
}

/**
 * The one line under the title. A config being edited may not fit its schema yet; the summary
 * then stays empty rather than breaking the canvas (the problem is shown on the node).
 */
export function nodeSummary(node: TPipelineNode): string {
  try {
    return specOf(node.kind).summary(node.config);
  } catch {
    return "";
  }
}

/** The ports of a node, read from its kind (an unreadable config keeps the default ports). */
export function nodePorts(node: TPipelineNode): { inputs: readonly string[]; outputs: readonly string[] } {
  const spec = specOf(node.kind);
  try {
    return { inputs: spec.inputs(node.config), outputs: spec.outputs(node.config) };
  } catch {
    return { inputs: ["in"], outputs: ["out"] };
  }
}
