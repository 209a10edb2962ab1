/** What a dry run wrote where, counted per topic from its edges (pure, for the summary). */
import type { TPipelineDocument } from "~/domain/pipelines/document";
import type { TDryRunResult } from "~/domain/pipelines/pipeline-dto";

export type TTopicCount = { topic: string; records: number; isDeadLetter: boolean };

/**
 * Records each topic a step writes would receive: the counts of the edges ending at its topic
 * node(s), and the dead letters for the pipeline's dead-letter topic (when it has one).
 */
export function outputCounts(document: TPipelineDocument, result: TDryRunResult): TTopicCount[] {
  const topicOf = new Map<string, string>();
  for (const node of document.nodes) if (node.kind === "topic") topicOf.set(node.id, node.config.topicName.trim());
  const deadLetterTopic = document.settings.deadLetterTopic;
  const counts = new Map<string, number>();
  for (const edge of document.edges) {
    const topic = topicOf.get(edge.target);
    if (topic === undefined || topicOf.has(edge.source)) continue;
    counts.set(topic, (counts.get(topic) ?? 0) + (result.edges[edge.id]?.count ?? 0));
  }
  const rows = [...counts].map(([topic, records]) => ({ topic, records, isDeadLetter: topic === deadLetterTopic }));
  if (deadLetterTopic !== null && !counts.has(deadLetterTopic)) {
    rows.push({ topic: deadLetterTopic, records: result.deadLetters.length, isDeadLetter: true });
  }
  return rows;
}

/** Sentences of steps that could not run (bad config, failed expressions), each naming its node. */
export function stepErrors(document: TPipelineDocument, result: TDryRunResult): { nodeId: string; sentence: string }[] {
  const names = nodeNames(document);
  return Object.values(result.nodes).flatMap((run) =>
    run.errors.map((sentence) => ({
      nodeId: run.nodeId,
      sentence: `${names.get(run.nodeId) ?? run.nodeId}: ${sentence}`,
    })),
  );
}

/** A node's name as the canvas shows it: its label, a topic's name, else its id. */
export function nodeNames(document: TPipelineDocument): Map<string, string> {
  return new Map(
    document.nodes.map((node) => [
      node.id,
      node.label.trim() || (node.kind === "topic" ? node.config.topicName.trim() : "") || node.id,
    ]),
  );
}
