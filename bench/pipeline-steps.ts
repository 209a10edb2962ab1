/**
 * Pipeline steps: each step kind over N records (default 100,000; `npm run bench -- pipeline-steps
 * <N>`) through `runDocument` with the in-memory host — raw topic → step → output topic — against a
 * hand-written JavaScript loop doing the same work on the same records in the same run (the same
 * outputs, checked). Reports the median of alternated rounds and the ratio loop time / engine
 * time (the aim: at least 0.8×). Pure CPU: no broker, no database. A fourth argument runs only
 * the kinds whose label contains it. One reading in 50 holds text where a number belongs: a JSONata
 * predicate comparing it with a number fails in jsonata itself (an error with a stack, tens of µs
 * each), which dominates filter and route on those readings; the "(numbers)" runs leave them out.
 */
import { ZPipelineDocument } from "../src/domain/pipelines/document";
import { memoryHosts } from "../src/domain/pipelines/engine/memory-host";
import { runDocument, type TSourceRecords } from "../src/domain/pipelines/engine/run-document";
import type { TStepRecord } from "../src/domain/pipelines/step-types";
import { BASELINES, type TBaseline } from "./pipeline-steps-baselines";
import { STATEFUL_BASELINES } from "./pipeline-steps-stateful";
import { quantile } from "./stats";

const COUNT = Number(process.argv[3] ?? 100_000);
const ROUNDS = 5;
const METRICS = ["cpu", "memory", "disk", "network"] as const;
const START = 1_780_000_000_000;

// The simulator's readings: 200 keyed streams, one record every 10 ms; one in 50 values is text.
const records: TStepRecord[] = Array.from({ length: COUNT }, (_, index) => {
  const server = `server-${index % 50}`;
  const metric = METRICS[Math.floor(index / 50) % 4]!;
  const value = index % 50 === 7 ? "n/a" : Math.round((50 + 45 * Math.sin(index / 97) + (index % 13)) * 10) / 10;
  return {
    key: `${server}-${metric}`,
    value: { server, metric, value, unit: "percent", region: index % 3 === 0 ? null : "eu-west" },
    timestamp: START + index * 10,
    headers: {},
    topic: "telemetry.raw",
    partition: index % 6,
    offset: String(index),
  };
});
// The same readings with every value a number: what jsonata's errors on the text values cost shows in the difference.
const numericRecords = records.map((record) => {
  const value = record.value as { value: unknown };
  return typeof value.value === "number" ? record : { ...record, value: { ...value, value: 50 } };
});
const tables = {
  "servers.state": new Map<string, unknown>(
    Array.from({ length: 50 }, (_, i) => [`server-${i}-cpu`, { rack: `r${i % 8}`, owner: "ops" }]),
  ),
};

function documentFor(baseline: TBaseline) {
  const at = { x: 0, y: 0 };
  const extraTopic =
    baseline.kind === "enrich"
      ? [{ id: "table", kind: "topic", position: at, config: { topicName: "servers.state" } }]
      : [];
  const extraEdge =
    baseline.kind === "enrich" ? [{ id: "e3", source: "table", target: "step", targetPort: "table" }] : [];
  const outEdges = baseline.ports.map((port, i) => ({
    id: `out-${i}`,
    source: "step",
    sourcePort: port,
    target: `out-${i}`,
  }));
  return ZPipelineDocument.parse({
    name: `bench ${baseline.name}`,
    settings: { deadLetterTopic: "telemetry.dead-letter" },
    nodes: [
      { id: "raw", kind: "topic", position: at, config: { topicName: "telemetry.raw" } },
      { id: "step", kind: baseline.kind, position: at, config: baseline.config },
      ...baseline.ports.map((port, i) => ({
        id: `out-${i}`,
        kind: "topic",
        position: at,
        config: { topicName: `telemetry.${port}` },
      })),
      ...extraTopic,
    ],
    edges: [{ id: "e1", source: "raw", target: "step" }, ...outEdges, ...extraEdge],
  });
}

async function measure(work: () => Promise<number> | number): Promise<{ ms: number; outputs: number }> {
  const started = performance.now();
  const outputs = await work();
  return { ms: performance.now() - started, outputs };
}

console.log(`pipeline-steps: ${COUNT.toLocaleString("en")} records per step kind, median of ${ROUNDS} rounds`);
const runs = [
  ...[...BASELINES, ...STATEFUL_BASELINES].map((baseline) => ({ baseline, label: baseline.name, input: records })),
  ...BASELINES.filter((b) => b.kind === "filter" || b.kind === "route" || b.kind === "map").map((baseline) => ({
    baseline,
    label: `${baseline.name} (numbers)`,
    input: numericRecords,
  })),
];
// `npm run bench -- pipeline-steps 100000 window`: only the runs whose label contains "window".
const only = process.argv[4];
for (const { baseline, label, input } of runs.filter((run) => !only || run.label.includes(only))) {
  const document = documentFor(baseline);
  const sources: TSourceRecords = [{ topic: "telemetry.raw", records: input }];
  const engine = async () => (await runDocument(document, sources, memoryHosts({ tables }))).outputs.length;
  const loop = () => baseline.loop(input, tables).length;
  // Warm-up: both paths compiled and optimized (V8 needs a few runs of the engine's closures).
  for (let i = 0; i < 3; i++) {
    await engine();
    loop();
  }
  const ours: number[] = [];
  const plain: number[] = [];
  let outputs = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const a = await measure(engine);
    outputs = a.outputs;
    const b = await measure(loop);
    if (a.outputs !== b.outputs)
      throw new Error(`${label}: the engine wrote ${a.outputs} records, the loop ${b.outputs}.`);
    ours.push(a.ms);
    plain.push(b.ms);
  }
  const oursMs = quantile(ours, 0.5);
  const plainMs = quantile(plain, 0.5);
  console.log(
    `  ${label.padEnd(18)} engine ${oursMs.toFixed(0).padStart(6)} ms   loop ${plainMs.toFixed(0).padStart(6)} ms   ratio ${(plainMs / oursMs).toFixed(2)}×   (${outputs.toLocaleString("en")} outputs)`,
  );
}
console.log("  ratio: the loop's time / the engine's time (aim ≥ 0.80×)");
