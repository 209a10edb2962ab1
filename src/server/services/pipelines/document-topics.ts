import "server-only";
import type { TPipelineDocument } from "~/domain/pipelines/document";

const unique = (names: string[]) => [...new Set(names)];

function topicNodes(document: TPipelineDocument) {
  return document.nodes.flatMap((node) =>
    node.kind === "topic" ? [{ id: node.id, name: node.config.topicName }] : [],
  );
}

/** Every topic the document names (its topic nodes and the dead-letter topic): what the rules need facts about. */
export function topicNamesOf(document: TPipelineDocument): string[] {
  const dead = document.settings.deadLetterTopic;
  return unique([...topicNodes(document).map((topic) => topic.name), ...(dead ? [dead] : [])]);
}

/** Topics nothing writes (where the pipeline reads first) and topics nothing reads (where it ends), for the list. */
export function sourcesAndSinks(document: TPipelineDocument): { sources: string[]; sinks: string[] } {
  const written = new Set(document.edges.map((edge) => edge.target));
  const read = new Set(document.edges.map((edge) => edge.source));
  const topics = topicNodes(document);
  return {
    sources: unique(topics.filter((topic) => !written.has(topic.id)).map((topic) => topic.name)),
    sinks: unique(topics.filter((topic) => !read.has(topic.id)).map((topic) => topic.name)),
  };
}
