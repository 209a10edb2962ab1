import type { TPipelineDocument } from "~/domain/pipelines/document";

/** Every topic the document names (topic nodes and the dead-letter topic), sorted: what the rules need facts about. */
export function namedTopics(document: TPipelineDocument): string[] {
  const names = document.nodes.flatMap((node) =>
    node.kind === "topic" && node.config.topicName.trim() ? [node.config.topicName.trim()] : [],
  );
  const dead = document.settings.deadLetterTopic?.trim();
  return [...new Set(dead ? [...names, dead] : names)].sort();
}
