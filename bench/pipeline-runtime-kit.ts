/**
 * Parts of `pipeline-runtime`: the records, the pipeline, the CPU reading of a child process, and
 * the measurement of one contender's run through its consumer groups' committed offsets.
 */
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import type kafkajs from "kafkajs";
import { ZPipelineDocument, type TDeliveryMode, type TPipelineDocument } from "../src/domain/pipelines/document";
import { stepsCaughtUp, type TStepGroup } from "../test/runtime/step-progress";
import type { TLoopSettings } from "./pipeline-runtime-loop";

/** The map and the filter both contenders run (both on the compiler's synchronous fast paths). */
export const MAP_EXPRESSION =
  '{"id": id, "stream": stream, "server": server, "value": value, "scaled": value * 10, "unit": unit, "note": note}';
export const FILTER_PREDICATE = "value > 45";
/** Of the values 40…60 below, those above 45 pass. */
export const passes = (id: number) => 40 + ((id * 7_919) % 21) > 45;

const NOTE = "x".repeat(880);

/** A 1 KB JSON reading, keyed by its stream. */
export function benchRecord(id: number): { key: string; value: string } {
  const server = `server-${id % 48}`;
  const value = 40 + ((id * 7_919) % 21);
  const reading = {
    id,
    stream: `${server}-cpu`,
    server,
    metric: "cpu",
    value,
    unit: "percent",
    region: "eu-west",
    note: NOTE,
  };
  return { key: `${server}-cpu`, value: JSON.stringify(reading) };
}

/** Produces ids [0, count) with a few requests in flight (order does not matter here). */
export async function produceBenchRecords(producer: kafkajs.Producer, topic: string, count: number): Promise<void> {
  const chunk = 1_000;
  const inFlight: Promise<unknown>[] = [];
  for (let start = 0; start < count; start += chunk) {
    const messages = Array.from({ length: Math.min(chunk, count - start) }, (_, i) => benchRecord(start + i));
    inFlight.push(producer.send({ topic, acks: -1, messages }));
    if (inFlight.length >= 4) await inFlight.shift();
  }
  await Promise.all(inFlight);
}

const position = { x: 0, y: 0 };

/** raw → map → mid → filter → out, from the earliest offset. */
export function mapFilterPipeline(
  name: string,
  topics: { raw: string; mid: string; out: string },
  deliveryMode: TDeliveryMode,
): TPipelineDocument {
  return ZPipelineDocument.parse({
    name,
    settings: { deliveryMode, deadLetterTopic: null, instances: 1, startFrom: "earliest" },
    nodes: [
      { id: "raw", kind: "topic", position, config: { topicName: topics.raw } },
      { id: "map", kind: "map", position, config: { expression: MAP_EXPRESSION } },
      { id: "mid", kind: "topic", position, config: { topicName: topics.mid } },
      { id: "filter", kind: "filter", position, config: { predicate: FILTER_PREDICATE } },
      { id: "out", kind: "topic", position, config: { topicName: topics.out } },
    ],
    edges: [
      { id: "e1", source: "raw", target: "map" },
      { id: "e2", source: "map", target: "mid" },
      { id: "e3", source: "mid", target: "filter" },
      { id: "e4", source: "filter", target: "out" },
    ],
  });
}

/** CPU seconds (user + system) a process has used, from /proc (Linux): the same reading for both contenders. */
export async function cpuSecondsOf(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may hold spaces, so split after its closing parenthesis).
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks / 100;
}

export type TRunFigures = {
  seconds: number;
  cpuSeconds: number;
  messagesPerSecond: number;
  cpuMicrosPerMessage: number;
};

/**
 * From the first offset the first step commits to the moment every step has committed the end
 * of its input: wall time and the contender's CPU over that span, polled every 100 ms.
 */
export async function measureRun(
  admin: kafkajs.Admin,
  pid: number,
  groups: readonly TStepGroup[],
  count: number,
): Promise<TRunFigures> {
  const first = groups[0]!;
  let started: { at: number; cpu: number } | null = null;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    try {
      if (!started) {
        const [offsets] = await admin.fetchOffsets({ groupId: first.groupId, topics: [first.topic] });
        if (offsets?.partitions.some((partition) => Number(partition.offset) > 0)) {
          started = { at: performance.now(), cpu: await cpuSecondsOf(pid) };
        }
      } else if (await stepsCaughtUp(admin, groups)) {
        const seconds = (performance.now() - started.at) / 1000;
        const cpuSeconds = (await cpuSecondsOf(pid)) - started.cpu;
        return {
          seconds,
          cpuSeconds,
          messagesPerSecond: count / seconds,
          cpuMicrosPerMessage: (cpuSeconds / count) * 1e6,
        };
      }
    } catch (error) {
      // A group's coordinator is still loading (NOT_COORDINATOR and the like): ask again on the next tick.
      if (!(error instanceof Error && "retriable" in error && error.retriable === true)) throw error;
    }
  }
}

/** The hand-written loop as a child process (like the runner: node + tsx); resolves once it has started. */
export async function startLoopProcess(settings: TLoopSettings): Promise<{ pid: number; stop(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "bench/pipeline-runtime-loop.ts", JSON.stringify(settings)],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout }).on("line", (line) => {
      if (line === "Loop started.") resolve();
    });
    void exited.then(() => reject(new Error("The loop exited before it started.")));
  });
  return {
    pid: child.pid ?? -1,
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
