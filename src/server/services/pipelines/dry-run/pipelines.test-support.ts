import { ZPipelineDocument, type TPipelineDocument, type TPipelineDocumentInput } from "~/domain/pipelines/document";

/**
 * Pipelines for the dry run's integration tests, in the seeds' shape: raw telemetry → clean (drop
 * malformed, coerce the value to a number) → clean topic → a model step → results.
 */
export type TChainTopics = { raw: string; clean: string; results: string; dead: string };

type TNodeInput = TPipelineDocumentInput["nodes"][number];

const at = (x: number) => ({ x, y: 0 });
const topicNode = (id: string, topicName: string, x: number): TNodeInput => ({
  id,
  kind: "topic",
  position: at(x),
  config: { topicName },
});
const edge = (source: string, target: string, targetPort = "in") => ({
  id: `${source}-to-${target}`,
  source,
  sourcePort: "out",
  target,
  targetPort,
});

/** raw → clean → clean topic → `model` → results, with the dead-letter topic set. */
export function telemetryChain(
  topics: TChainTopics,
  model: Extract<TNodeInput, { kind: "model" }>["config"]["method"],
  name = "telemetry anomalies",
): TPipelineDocument {
  return ZPipelineDocument.parse({
    name,
    settings: { deadLetterTopic: topics.dead },
    nodes: [
      topicNode("raw", topics.raw, 0),
      { id: "clean", kind: "clean", position: at(200), config: { coerce: [{ field: "value", to: "number" }] } },
      topicNode("clean-topic", topics.clean, 400),
      { id: "score", kind: "model", position: at(600), config: { method: model } },
      topicNode("results", topics.results, 800),
    ],
    edges: [edge("raw", "clean"), edge("clean", "clean-topic"), edge("clean-topic", "score"), edge("score", "results")],
  } satisfies TPipelineDocumentInput);
}

/** raw → filter(`predicate`) → results. */
export function filterPipeline(raw: string, results: string, predicate: string): TPipelineDocument {
  return ZPipelineDocument.parse({
    name: "filter",
    nodes: [
      topicNode("raw", raw, 0),
      { id: "keep", kind: "filter", position: at(200), config: { predicate } },
      topicNode("results", results, 400),
    ],
    edges: [edge("raw", "keep"), edge("keep", "results")],
  } satisfies TPipelineDocumentInput);
}

/** raw → map(`expression`) → results. */
export function mapPipeline(raw: string, results: string, expression: string): TPipelineDocument {
  return ZPipelineDocument.parse({
    name: "map",
    nodes: [
      topicNode("raw", raw, 0),
      { id: "shape", kind: "map", position: at(200), config: { expression } },
      topicNode("results", results, 400),
    ],
    edges: [edge("raw", "shape"), edge("shape", "results")],
  } satisfies TPipelineDocumentInput);
}

/** readings + the compacted `table` topic → enrich(as `server`, missing → dead letter) → results. */
export function enrichPipeline(readings: string, table: string, results: string): TPipelineDocument {
  return ZPipelineDocument.parse({
    name: "enrich",
    nodes: [
      topicNode("readings", readings, 0),
      topicNode("servers", table, 0),
      { id: "join", kind: "enrich", position: at(200), config: { as: "server", missing: "dead-letter" } },
      topicNode("results", results, 400),
    ],
    edges: [edge("readings", "join"), edge("servers", "join", "table"), edge("join", "results")],
  } satisfies TPipelineDocumentInput);
}
