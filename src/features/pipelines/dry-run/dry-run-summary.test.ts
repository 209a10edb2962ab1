import { describe, expect, it } from "vitest";
import { ZPipelineDocument } from "~/domain/pipelines/document";
import type { TDryRunResult, TEdgeRun } from "~/domain/pipelines/pipeline-dto";
import { nodeNames, outputCounts, stepErrors } from "./dry-run-summary";

const document = ZPipelineDocument.parse({
  name: "telemetry",
  settings: { deadLetterTopic: "telemetry.dead-letters" },
  nodes: [
    { id: "raw", kind: "topic", position: { x: 0, y: 0 }, config: { topicName: "telemetry.raw" } },
    { id: "clean-1", kind: "clean", label: "Drop malformed", position: { x: 200, y: 0 }, config: {} },
    { id: "clean", kind: "topic", position: { x: 400, y: 0 }, config: { topicName: "telemetry.clean" } },
  ],
  edges: [
    { id: "e1", source: "raw", target: "clean-1" },
    { id: "e2", source: "clean-1", target: "clean" },
  ],
});

const edgeRun = (edgeId: string, count: number): TEdgeRun => ({
  edgeId,
  count,
  records: [],
  shape: null,
  schemaMisfits: [],
  misfitCount: 0,
});
const record = {
  key: "server-1-cpu",
  value: "oops",
  timestamp: 0,
  headers: {},
  topic: "telemetry.raw",
  partition: 0,
  offset: "7",
};
const result = {
  inputs: [{ topic: "telemetry.raw", records: 13, fromOffsets: null, toOffsets: null }],
  nodes: {
    "clean-1": { nodeId: "clean-1", received: 13, emitted: 12, deadLettered: 1, samples: [], errors: ["Bad config."] },
  },
  edges: { e1: edgeRun("e1", 13), e2: edgeRun("e2", 12) },
  deadLetters: [{ nodeId: "clean-1", record, reason: "The value is not a JSON object." }],
  problems: [],
  elapsedMs: 12,
  stoppedEarly: null,
} satisfies TDryRunResult;

describe("the dry run's summary", () => {
  it("counts what steps write to each topic, and the dead letters for the dead-letter topic", () => {
    expect(outputCounts(document, result)).toEqual([
      { topic: "telemetry.clean", records: 12, isDeadLetter: false },
      { topic: "telemetry.dead-letters", records: 1, isDeadLetter: true },
    ]);
  });

  it("names steps by their label, topics by their name", () => {
    expect(nodeNames(document).get("clean-1")).toBe("Drop malformed");
    expect(nodeNames(document).get("raw")).toBe("telemetry.raw");
    expect(stepErrors(document, result)).toEqual([{ nodeId: "clean-1", sentence: "Drop malformed: Bad config." }]);
  });
});
