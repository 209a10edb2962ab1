import { describe, expect, it } from "vitest";
import { ZPipelineDocument, type TPipelineDocumentInput } from "../document";
import { memoryHosts } from "./memory-host";
import { runDocument, type TSourceRecords } from "./run-document";
import { recordOf } from "./step-test-kit";

const at = { x: 0, y: 0 };
const topic = (id: string, topicName: string) => ({ id, kind: "topic" as const, position: at, config: { topicName } });
const edge = (source: string, target: string, sourcePort = "out", targetPort = "in") => ({
  id: `${source}-${sourcePort}-${target}`,
  source,
  sourcePort,
  target,
  targetPort,
});

/** The seeds' chain: raw → clean (drop malformed, coerce) → clean topic → z-score per stream → results. */
function seedsChain(threshold = 3): TPipelineDocumentInput {
  return {
    name: "telemetry anomalies",
    settings: { deadLetterTopic: "telemetry.dead-letter" },
    nodes: [
      topic("raw", "telemetry.raw"),
      { id: "clean", kind: "clean", position: at, config: { coerce: [{ field: "value", to: "number" }] } },
      topic("clean-topic", "telemetry.clean"),
      {
        id: "model",
        kind: "model",
        position: at,
        config: { method: { type: "zscore", field: "value", windowSize: 5, threshold }, outputField: "anomaly" },
      },
      topic("results", "telemetry.anomalies"),
      topic("dead", "telemetry.dead-letter"),
    ],
    edges: [edge("raw", "clean"), edge("clean", "clean-topic"), edge("clean-topic", "model"), edge("model", "results")],
  };
}

const reading = (key: string, value: unknown, offset: number) =>
  recordOf(typeof value === "number" || typeof value === "string" ? { server: key, value } : value, {
    key,
    offset: String(offset),
    timestamp: 1_780_000_000_000 + offset,
  });

const rawRecords = () => [
  ...[10, 10.2, 9.8, 10.1, 9.9].map((v, i) => reading("server-1-cpu", v, i)),
  reading("server-1-cpu", "not a reading", 5),
  reading("server-1-cpu", "45", 6),
  recordOf("garbage{", { key: "server-1-cpu", offset: "7" }),
];
const sources = (): TSourceRecords => [{ topic: "telemetry.raw", records: rawRecords() }];

describe("runDocument", () => {
  it("runs the seeds' chain: a spike is flagged, malformed records reach the dead-letter topic", async () => {
    const run = await runDocument(ZPipelineDocument.parse(seedsChain()), sources(), memoryHosts(), { sampleLimit: 3 });
    const results = run.outputs.filter((o) => o.topic === "telemetry.anomalies");
    expect(results.map((o) => (o.record.value as { anomaly: { anomaly: boolean } }).anomaly.anomaly)).toEqual([
      false,
      false,
      false,
      false,
      false,
      true,
    ]);
    expect(results[5]!.record.value).toMatchObject({ value: 45 });
    expect(run.outputs.filter((o) => o.topic === "telemetry.clean")).toHaveLength(6);
    const dead = run.outputs.filter((o) => o.topic === "telemetry.dead-letter");
    expect(dead.map((o) => [o.source.offset, o.reason])).toEqual([
      ["5", 'The field value could not be made a number (it is the text "not a reading").'],
      ["7", "The value is not a JSON object, so it cannot be cleaned."],
    ]);
    expect(run.deadLetters.map((d) => d.nodeId)).toEqual(["clean", "clean"]);
    expect(run.nodes.dead).toMatchObject({ received: 2, emitted: 0 });

    expect(run.nodes.clean).toMatchObject({ received: 8, emitted: 6, deadLettered: 2, errors: [] });
    expect(run.nodes.model).toMatchObject({ received: 6, emitted: 6, deadLettered: 0 });
    expect(run.nodes.clean!.samples).toHaveLength(3);
    expect(run.nodes.clean!.samples[0]!.outputs).toMatchObject([
      { port: "out", topic: "telemetry.clean", reason: null },
    ]);
    expect(run.edges["clean-out-clean-topic"]).toMatchObject({
      count: 6,
      shape: null,
      schemaMisfits: [],
      misfitCount: 0,
    });
    expect(run.edges["clean-out-clean-topic"]!.records).toHaveLength(3);
    expect(run.stoppedEarly).toBeNull();
  });

  it("keeps order per key through an intermediate topic and closes windows at the end", async () => {
    const document = ZPipelineDocument.parse({
      name: "windows",
      nodes: [
        topic("raw", "telemetry.raw"),
        {
          id: "window",
          kind: "window",
          position: at,
          config: { window: { type: "tumbling", sizeMs: 60_000 }, field: "value", aggregates: ["count", "max"] },
        },
        topic("out", "telemetry.minutely"),
      ],
      edges: [edge("raw", "window"), edge("window", "out")],
    });
    const run = await runDocument(
      document,
      [{ topic: "telemetry.raw", records: rawRecords().slice(0, 5) }],
      memoryHosts(),
    );
    expect(run.outputs.map((o) => o.record.value)).toMatchObject([{ count: 5, max: 10.2 }]);
    expect(run.nodes.window).toMatchObject({ received: 5, emitted: 1 });
  });

  it("sends a record an expression fails on to the dead-letter port and lists the sentence on the node", async () => {
    const document = ZPipelineDocument.parse({
      name: "filter",
      nodes: [
        topic("raw", "telemetry.raw"),
        { id: "filter", kind: "filter", position: at, config: { predicate: "value * 2 > 30" } },
        topic("hot", "telemetry.hot"),
      ],
      edges: [edge("raw", "filter"), edge("filter", "hot")],
    });
    const run = await runDocument(document, sources(), memoryHosts());
    expect(run.nodes.filter!.errors).toEqual([
      'The expression failed: The left side of the "*" operator must evaluate to a number.',
    ]);
    expect(run.deadLetters.map((d) => d.record.offset)).toEqual(["5", "6"]);
    // No dead-letter topic is set: nothing is written for them.
    expect(run.outputs.map((o) => o.topic)).toEqual([]);
    expect(run.nodes.filter!.samples[5]!.outputs).toMatchObject([{ port: "dead-letter", topic: null }]);
  });

  it("records why a step cannot be built and passes nothing on", async () => {
    const document = ZPipelineDocument.parse({
      name: "broken",
      nodes: [
        topic("raw", "telemetry.raw"),
        { id: "filter", kind: "filter", position: at, config: { predicate: "value >" } },
        topic("hot", "telemetry.hot"),
      ],
      edges: [edge("raw", "filter"), edge("filter", "hot")],
    });
    const run = await runDocument(document, sources(), memoryHosts());
    expect(run.nodes.filter!.errors[0]).toMatch(/^The expression has a syntax error/);
    expect(run.nodes.filter!.received).toBe(8);
    expect(run.nodes.hot!.received).toBe(0);
  });

  it("routes to the topics of the route's ports", async () => {
    const document = ZPipelineDocument.parse({
      name: "route",
      nodes: [
        topic("raw", "telemetry.raw"),
        { id: "route", kind: "route", position: at, config: { routes: [{ name: "high", predicate: "value >= 10" }] } },
        topic("high", "telemetry.high"),
        topic("rest", "telemetry.rest"),
      ],
      edges: [edge("raw", "route"), edge("route", "high", "high"), edge("route", "rest", "default")],
    });
    const run = await runDocument(
      document,
      [{ topic: "telemetry.raw", records: rawRecords().slice(0, 5) }],
      memoryHosts(),
    );
    expect(run.outputs.map((o) => [o.topic, o.source.offset])).toEqual([
      ["telemetry.high", "0"],
      ["telemetry.high", "1"],
      ["telemetry.rest", "2"],
      ["telemetry.high", "3"],
      ["telemetry.rest", "4"],
    ]);
  });

  it("stops when its signal aborts, saying so", async () => {
    const controller = new AbortController();
    controller.abort("The dry run took longer than 10 s.");
    const run = await runDocument(ZPipelineDocument.parse(seedsChain()), sources(), memoryHosts(), {
      signal: controller.signal,
    });
    expect(run.stoppedEarly).toBe("The dry run took longer than 10 s.");
    expect(run.nodes.clean!.received).toBe(0);
  });
});
