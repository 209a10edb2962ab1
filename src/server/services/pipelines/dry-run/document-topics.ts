import "server-only";
import type { TPipelineDocument, TPipelineNode } from "~/domain/pipelines/document";
import { INPUT_PORT, TABLE_PORT } from "~/domain/pipelines/step-types";

/** What a run must read before it starts, derived from the document(s). */
export type TDocumentReads = {
  /** Topics that steps read and no step writes: where the sample comes from. */
  sources: string[];
  /** Topics wired to an enrich step's table port. */
  tables: string[];
  /** Every topic named on the canvas (and the dead-letter topic): their value schemas are looked up. */
  topics: string[];
  /** Uploaded models that ONNX steps name. */
  modelIds: string[];
};

const topicName = (node: TPipelineNode | undefined): string | null =>
  node?.kind === "topic" && node.config.topicName !== "" ? node.config.topicName : null;

/** The union over the documents (a comparison reads once for both revisions). */
export function documentReads(documents: readonly TPipelineDocument[]): TDocumentReads {
  const sources = new Set<string>();
  const written = new Set<string>();
  const tables = new Set<string>();
  const topics = new Set<string>();
  const modelIds = new Set<string>();
  for (const document of documents) {
    const nodes = new Map(document.nodes.map((node) => [node.id, node]));
    for (const node of document.nodes) {
      const name = topicName(node);
      if (name !== null) topics.add(name);
      if (node.kind === "model" && node.config.method.type === "onnx") modelIds.add(node.config.method.modelId);
    }
    if (document.settings.deadLetterTopic) topics.add(document.settings.deadLetterTopic);
    for (const edge of document.edges) {
      const from = topicName(nodes.get(edge.source));
      const target = nodes.get(edge.target);
      if (from !== null && target && target.kind !== "topic") {
        if (edge.targetPort === TABLE_PORT) tables.add(from);
        else if (edge.targetPort === INPUT_PORT) sources.add(from);
      }
      const to = topicName(target);
      if (to !== null && nodes.get(edge.source)?.kind !== "topic") written.add(to);
    }
  }
  return {
    sources: [...sources].filter((topic) => !written.has(topic)).sort(),
    tables: [...tables].sort(),
    topics: [...topics].sort(),
    modelIds: [...modelIds].sort(),
  };
}
