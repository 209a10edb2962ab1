/** Small documents for the revisions tests: raw → z-score model → results. */
import { ZPipelineDocument, type TPipelineDocument } from "~/domain/pipelines/document";

export function scoringDocument(threshold: number): TPipelineDocument {
  return ZPipelineDocument.parse({
    name: "telemetry anomalies",
    nodes: [
      { id: "raw", kind: "topic", position: { x: 0, y: 0 }, config: { topicName: "telemetry.raw" } },
      {
        id: "model-1",
        kind: "model",
        position: { x: 250, y: 0 },
        config: { method: { type: "zscore", field: "value", windowSize: 20, threshold } },
      },
      { id: "results", kind: "topic", position: { x: 500, y: 0 }, config: { topicName: "telemetry.anomalies" } },
    ],
    edges: [
      { id: "e-raw-model", source: "raw", target: "model-1" },
      { id: "e-model-results", source: "model-1", target: "results" },
    ],
  });
}
