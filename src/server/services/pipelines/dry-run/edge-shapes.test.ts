import { describe, expect, it } from "vitest";
import type { TEngineRun } from "~/domain/pipelines/engine/run-document";
import type { TStepRecord } from "~/domain/pipelines/step-types";
import { describeEdges } from "./edge-shapes";
import { telemetryChain } from "./pipelines.test-support";

const topics = { raw: "raw", clean: "clean", results: "results", dead: "dead" };
const document = telemetryChain(topics, { type: "zscore", field: "value", windowSize: 10, threshold: 3 });

const record = (topic: string, offset: number, value: unknown): TStepRecord => ({
  key: "k",
  value,
  timestamp: offset,
  headers: {},
  topic,
  partition: 0,
  offset: String(offset),
});

/** 60 records in, 60 out: more than the engine keeps per edge (50), so shapes must come from the outputs. */
const sources = [
  { topic: "raw", records: Array.from({ length: 60 }, (_, i) => record("raw", i, { value: String(i) })) },
];
const cleaned = Array.from({ length: 60 }, (_, i) =>
  record("raw", i, i === 59 ? { value: i, note: "late" } : { value: i }),
);
const scored = cleaned.map((one) => ({ ...one, value: { ...(one.value as object), model: { anomaly: false } } }));
const output = (topic: string) => (one: TStepRecord) => ({
  topic,
  source: { topic: "raw", partition: 0, offset: one.offset },
  record: one,
  reason: null,
});
const edgeRun = (edgeId: string, records: TStepRecord[]) => ({
  edgeId,
  count: records.length,
  records: records.slice(0, 50),
  shape: null,
  schemaMisfits: [],
  misfitCount: 0,
});
const run: TEngineRun = {
  nodes: {},
  edges: {
    "raw-to-clean": edgeRun("raw-to-clean", sources[0]!.records),
    "clean-to-clean-topic": edgeRun("clean-to-clean-topic", cleaned),
    "clean-topic-to-score": edgeRun("clean-topic-to-score", cleaned),
    "score-to-results": edgeRun("score-to-results", scored),
  },
  deadLetters: [],
  outputs: [...cleaned.map(output("clean")), ...scored.map(output("results"))],
  stoppedEarly: null,
};

describe("edge shapes and schema misfits", () => {
  it("infers each edge's shape from every value that crossed it, beyond the engine's sample", () => {
    const { edges, problems } = describeEdges(document, run, sources, () => null);
    expect(edges["raw-to-clean"]!.shape).toMatchObject({ properties: { value: { type: "string" } } });
    // Only the 60th record carries `note`: it is in the shape although the engine kept 50 records.
    expect(edges["clean-to-clean-topic"]!.shape).toMatchObject({
      properties: { value: { type: "integer" }, note: { type: "string" } },
      required: ["value"],
    });
    expect(edges["score-to-results"]!.shape).toMatchObject({ properties: { model: { type: "object" } } });
    expect(problems).toEqual([]);
  });

  it("counts values that do not fit the target topic's schema and names the step that wrote them", () => {
    const validate = (topic: string, value: unknown) =>
      topic === "results" && (value as { value: number }).value % 2 === 1
        ? `odd value ${(value as { value: number }).value}`
        : null;
    const { edges, problems } = describeEdges(document, run, sources, validate);
    expect(edges["score-to-results"]).toMatchObject({ misfitCount: 30 });
    expect(edges["score-to-results"]!.schemaMisfits.map((misfit) => misfit.reason)).toEqual([
      "odd value 1",
      "odd value 3",
      "odd value 5",
      "odd value 7",
      "odd value 9",
    ]);
    expect(problems).toEqual([
      {
        rule: "output-schema",
        severity: "error",
        nodeId: "score",
        edgeId: "score-to-results",
        sentence:
          "In the dry run, 30 records of 60 this step wrote to results did not fit its value schema. The first: odd value 1",
      },
    ]);
  });

  it("gives an edge nothing crossed no shape", () => {
    const empty: TEngineRun = { ...run, edges: {}, outputs: [] };
    const { edges } = describeEdges(document, empty, [], () => null);
    expect(edges["score-to-results"]).toMatchObject({ count: 0, shape: null, misfitCount: 0 });
  });
});
