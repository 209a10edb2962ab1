/**
 * Pipeline runtime: a map step then a filter step (raw → map → mid → filter → out, 6 partitions)
 * over N 1 KB JSON readings (default 1,000,000; `npm run bench -- pipeline-runtime <N>`), run by
 * one real runner process, against a hand-written kafkajs consume → transform → produce loop
 * (bench/pipeline-runtime-loop.ts) doing the same two hops with the same JSONata compiler, in the
 * same run, from the same input topic into topics of its own with the same partitions. Both are
 * child processes started the same way (node + tsx), so their CPU (from /proc) compares. Reported:
 * throughput (aim ≥ 0.85× the loop) and CPU per message (aim ≤ 1.2×), at-least-once and
 * exactly-once; then the end-to-end latency of the seeds' chain at a steady 5,000 msg/s
 * (bench/pipeline-runtime-latency.ts). A fourth argument "latency" or "throughput" runs one half.
 */
import { startRunnerProcess } from "../test/runtime/runner-process";
import type { TStepGroup } from "../test/runtime/step-progress";
import { startBenchServices } from "./bench-services";
import {
  FILTER_PREDICATE,
  MAP_EXPRESSION,
  mapFilterPipeline,
  measureRun,
  produceBenchRecords,
  startLoopProcess,
  type TRunFigures,
} from "./pipeline-runtime-kit";
import { measureChainLatency } from "./pipeline-runtime-latency";

const COUNT = Number(process.argv[3] ?? 1_000_000);
const ONLY = process.argv[4] ?? "";
const PARTITIONS = 6;
const RAW = "bench-raw";

const services = await startBenchServices("pipeline-runtime");
const { upsertClusterByName } = await import("../src/server/db/clusters");
const { insertPipeline } = await import("../src/server/db/pipelines");
const { setDesiredState, writeDeployment } = await import("../src/server/db/pipeline-deployments");
const { pipelineSlug, stepGroupId } = await import("../src/domain/pipelines/runtime/naming");
const admin = services.client.admin();

async function createTopics(names: string[], configs: Record<string, string> = {}) {
  await admin.createTopics({
    waitForLeaders: true,
    topics: names.map((topic) => ({
      topic,
      numPartitions: PARTITIONS,
      configEntries: Object.entries(configs).map(([name, value]) => ({ name, value })),
    })),
  });
}

const hopGroups = (groupOf: (hop: "map" | "filter") => string, mid: string, exactlyOnce: boolean): TStepGroup[] => [
  { groupId: groupOf("map"), topic: RAW, isTransactional: false },
  { groupId: groupOf("filter"), topic: mid, isTransactional: exactlyOnce },
];

async function runRunner(clusterId: string, exactlyOnce: boolean): Promise<TRunFigures> {
  const name = `bench runner ${exactlyOnce ? "eos" : "alo"}`;
  const [mid, out] = [`${pipelineSlug(name)}-mid`, `${pipelineSlug(name)}-out`];
  await createTopics([mid, out]);
  const document = mapFilterPipeline(name, { raw: RAW, mid, out }, exactlyOnce ? "exactly-once" : "at-least-once");
  const pipeline = await insertPipeline(clusterId, document, "create", "bench");
  const runner = await startRunnerProcess();
  const slug = pipelineSlug(name);
  await writeDeployment({ pipelineId: pipeline.id, clusterId, slug, revision: 1, document, deployedBy: "bench" });
  const figures = await measureRun(
    admin,
    runner.pid,
    hopGroups((hop) => stepGroupId(slug, hop), mid, exactlyOnce),
    COUNT,
  );
  await setDesiredState(pipeline.id, "stopped");
  await runner.stop();
  return figures;
}

async function runLoop(exactlyOnce: boolean): Promise<TRunFigures> {
  const prefix = `bench-loop-${exactlyOnce ? "eos" : "alo"}`;
  const [mid, out] = [`${prefix}-mid`, `${prefix}-out`];
  await createTopics([mid, out]);
  const groupOf = (hop: string) => `${prefix}.${hop}`;
  const loop = await startLoopProcess({
    brokers: services.kafka.bootstrapServers.split(","),
    exactlyOnce,
    partitions: PARTITIONS,
    hops: [
      { groupId: groupOf("map"), from: RAW, to: mid, kind: "map", expression: MAP_EXPRESSION },
      { groupId: groupOf("filter"), from: mid, to: out, kind: "filter", predicate: FILTER_PREDICATE },
    ],
  });
  const figures = await measureRun(admin, loop.pid, hopGroups(groupOf, mid, exactlyOnce), COUNT);
  await loop.stop();
  return figures;
}

const describeRun = (label: string, figures: TRunFigures) =>
  `${label.padEnd(22)} ${Math.round(figures.messagesPerSecond).toLocaleString("en").padStart(8)} msg/s, ` +
  `${figures.cpuMicrosPerMessage.toFixed(1).padStart(6)} µs CPU/msg (${figures.seconds.toFixed(1)} s, ${figures.cpuSeconds.toFixed(1)} CPU s)`;

try {
  await admin.connect();
  const cluster = await upsertClusterByName("bench", services.kafka.bootstrapServers);
  if (ONLY !== "latency") {
    await createTopics([RAW]);
    const producer = services.client.producer();
    await producer.connect();
    const produceStarted = performance.now();
    await produceBenchRecords(producer, RAW, COUNT);
    await producer.disconnect();
    console.log(
      `Produced ${COUNT.toLocaleString("en")} 1 KB readings in ${((performance.now() - produceStarted) / 1000).toFixed(1)} s.`,
    );
    for (const exactlyOnce of [false, true]) {
      const mode = exactlyOnce ? "exactly-once" : "at-least-once";
      const runner = await runRunner(cluster.id, exactlyOnce);
      console.log(describeRun(`runner, ${mode}`, runner));
      const loop = await runLoop(exactlyOnce);
      console.log(describeRun(`kafkajs loop, ${mode}`, loop));
      console.log(
        `${mode}: throughput ${(runner.messagesPerSecond / loop.messagesPerSecond).toFixed(2)}× the loop (aim ≥ 0.85), ` +
          `CPU per message ${(runner.cpuMicrosPerMessage / loop.cpuMicrosPerMessage).toFixed(2)}× (aim ≤ 1.2)`,
      );
    }
  }
  if (ONLY !== "throughput") {
    const latency = await measureChainLatency({ admin, client: services.client, clusterId: cluster.id, createTopics });
    console.log(latency);
  }
} finally {
  await admin.disconnect();
  await services.stop();
}
