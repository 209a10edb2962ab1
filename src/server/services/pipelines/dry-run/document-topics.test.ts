import { describe, expect, it } from "vitest";
import { ZPipelineDocument } from "~/domain/pipelines/document";
import { documentReads } from "./document-topics";
import { telemetryChain } from "./pipelines.test-support";

const topics = {
  raw: "telemetry.raw",
  clean: "telemetry.clean",
  results: "telemetry.anomalies",
  dead: "telemetry.dead",
};

describe("what a dry run reads", () => {
  it("reads the topic no step writes, looks up every topic's schema, and names the ONNX model", () => {
    const reads = documentReads([telemetryChain(topics, { type: "onnx", modelId: "model-1", inputs: ["value"] })]);
    expect(reads).toEqual({
      sources: ["telemetry.raw"],
      tables: [],
      topics: ["telemetry.anomalies", "telemetry.clean", "telemetry.dead", "telemetry.raw"],
      modelIds: ["model-1"],
    });
  });

  it("reads an enrich step's table topic as a table, not as a source", () => {
    const document = ZPipelineDocument.parse({
      name: "enrich",
      nodes: [
        { id: "raw", kind: "topic", position: { x: 0, y: 0 }, config: { topicName: "readings" } },
        { id: "servers", kind: "topic", position: { x: 0, y: 100 }, config: { topicName: "servers" } },
        { id: "join", kind: "enrich", position: { x: 200, y: 0 }, config: { as: "server" } },
        { id: "out", kind: "topic", position: { x: 400, y: 0 }, config: { topicName: "enriched" } },
      ],
      edges: [
        { id: "a", source: "raw", target: "join" },
        { id: "b", source: "servers", target: "join", targetPort: "table" },
        { id: "c", source: "join", target: "out" },
      ],
    });
    expect(documentReads([document])).toMatchObject({ sources: ["readings"], tables: ["servers"] });
  });

  it("takes the union of two revisions, so a comparison reads once for both", () => {
    const a = telemetryChain(topics, { type: "zscore", field: "value", windowSize: 10, threshold: 3 });
    const b = telemetryChain(
      { ...topics, raw: "telemetry.raw.v2" },
      { type: "zscore", field: "value", windowSize: 10, threshold: 3 },
    );
    expect(documentReads([a, b]).sources).toEqual(["telemetry.raw", "telemetry.raw.v2"]);
  });
});
