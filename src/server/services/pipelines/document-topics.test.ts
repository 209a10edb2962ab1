import { describe, expect, it } from "vitest";
import { ZPipelineDocument } from "~/domain/pipelines/document";
import { sourcesAndSinks, topicNamesOf } from "./document-topics";

const position = { x: 0, y: 0 };
const topic = (id: string, topicName: string) => ({ id, kind: "topic", position, config: { topicName } });
const map = (id: string) => ({ id, kind: "map", position, config: { expression: "value" } });
const edge = (source: string, target: string) => ({ id: `${source}-${target}`, source, target });

/** raw → clean-step → clean → score → results, and clean → archive → cold (two ends). */
const document = ZPipelineDocument.parse({
  name: "chain",
  settings: { deadLetterTopic: "telemetry.dead" },
  nodes: [
    topic("raw", "telemetry.raw"),
    map("clean-step"),
    topic("clean", "telemetry.clean"),
    map("score"),
    topic("results", "telemetry.anomalies"),
    map("archive"),
    topic("cold", "telemetry.cold"),
  ],
  edges: [
    edge("raw", "clean-step"),
    edge("clean-step", "clean"),
    edge("clean", "score"),
    edge("score", "results"),
    edge("clean", "archive"),
    edge("archive", "cold"),
  ],
});

describe("document topics", () => {
  it("names every topic node's topic and the dead-letter topic, once each", () => {
    expect(topicNamesOf(document)).toEqual([
      "telemetry.raw",
      "telemetry.clean",
      "telemetry.anomalies",
      "telemetry.cold",
      "telemetry.dead",
    ]);
  });

  it("finds where the pipeline starts (nothing writes) and ends (nothing reads)", () => {
    expect(sourcesAndSinks(document)).toEqual({
      sources: ["telemetry.raw"],
      sinks: ["telemetry.anomalies", "telemetry.cold"],
    });
  });

  it("counts an unconnected topic as both", () => {
    const lone = ZPipelineDocument.parse({ name: "lone", nodes: [topic("t", "orders")], edges: [] });
    expect(sourcesAndSinks(lone)).toEqual({ sources: ["orders"], sinks: ["orders"] });
  });
});
