/**
 * Pipeline steps: each step kind over N records (default 100,000; `npm run bench -- pipeline-steps
 * <N>`) through `runDocument` with the in-memory host — raw topic → step → output topic — against a
 * hand-written JavaScript loop doing the same work on the same records in the same run (the same
 * outputs, checked). Reports the median of alternated rounds and the ratio loop time / engine
 * time (the aim: at least 0.8×). Pure CPU: no broker, no database.
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
const sources: TSourceRecords = [{ topic: "telemetry.raw", records }];
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
for (const baseline of [...BASELINES, ...STATEFUL_BASELINES]) {
  const document = documentFor(baseline);
  const engine = async () => (await runDocument(document, sources, memoryHosts({ tables }))).outputs.length;
  const loop = () => baseline.loop(records, tables).length;
  // Warm-up: both paths compiled and optimized before timing.
  await engine();
  loop();
  const ours: number[] = [];
  const plain: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const a = await measure(engine);
    const b = await measure(loop);
    if (a.outputs !== b.outputs)
      throw new Error(`${baseline.name}: the engine wrote ${a.outputs} records, the loop ${b.outputs}.`);
    ours.push(a.ms);
    plain.push(b.ms);
  }
  const oursMs = quantile(ours, 0.5);
  const plainMs = quantile(plain, 0.5);
  console.log(
    `  ${baseline.name.padEnd(16)} engine ${oursMs.toFixed(0).padStart(6)} ms   loop ${plainMs.toFixed(0).padStart(6)} ms   ratio ${(plainMs / oursMs).toFixed(2)}×   (${ours.length} rounds, ${(await engine()).toLocaleString("en")} outputs)`,
  );
}
console.log("  ratio: the loop's time / the engine's time (aim ≥ 0.80×)");
