/**
 * Search scan rate over 1,000,000 JSON messages (4 partitions) with a predicate that matches 0.1%:
 * Tributary's scan (the search service's `scanTopic`: group-less fetches, JSONata filter) against
 * a plain kafkajs consumer + JSON.parse + JS predicate loop, in the same run on the same fresh
 * broker. Also: cancel latency, from abort to the scan having stopped.
 * Two filters: one the fast path answers on the main thread, and one only jsonata can answer,
 * evaluated in batches by the worker threads (jsonata-pool.ts).
 * Aims: fast path ≥ 0.8× the baseline's messages per second (issue 4), workers ≥ 0.5× (issue 10);
 * cancel within 200 ms.
 */
import { rm } from "node:fs/promises";
import kafkajs from "kafkajs";
import { startKafka } from "../apps/kafka-local/src/cluster";
import { findFreeBasePort } from "../apps/kafka-local/src/ports";
import type { TSearchQuery } from "../src/domain/messages/search-query";
import { quantile } from "./stats";

const TOTAL = Number(process.argv[3] ?? 1_000_000);
const PARTITIONS = 4;
/** Paired runs, alternating which goes first, so that load from elsewhere hits both alike. */
const RUNS = 5;
const topic = "bench-search";
const dataDir = `.data/bench/message-search-${process.pid}`;

const kafka = await startKafka({ dataDir: `${dataDir}/kafka`, basePort: await findFreeBasePort(1), clean: true });
process.env.KAFKA_BROKERS = kafka.bootstrapServers;
const client = new kafkajs.Kafka({ brokers: kafka.bootstrapServers.split(","), logLevel: kafkajs.logLevel.NOTHING });
const admin = client.admin();
const target = { id: `bench-${process.pid}`, bootstrapServers: kafka.bootstrapServers };

/** Every 1,000th message is an alert: 0.1% match. */
const isAlert = (index: number) => index % 1_000 === 0;

async function produce(): Promise<void> {
  const producer = client.producer();
  await producer.connect();
  const started = performance.now();
  for (let first = 0; first < TOTAL; first += 10_000) {
    await producer.send({
      topic,
      messages: Array.from({ length: 10_000 }, (_, offset) => {
        const index = first + offset;
        return {
          partition: index % PARTITIONS,
          key: `device-${index % 500}`,
          value: JSON.stringify({
            index,
            device: `device-${index % 500}`,
            kind: isAlert(index) ? "alert" : "reading",
            reading: (index * 7) % 1_000,
            unit: "celsius",
          }),
        };
      }),
    });
  }
  await producer.disconnect();
  console.log(
    `produced ${TOTAL.toLocaleString("en-US")} messages in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

/** The baseline: a consumer group reading from the beginning, JSON.parse and a JS predicate per message. */
async function plainConsumerScan(run: number): Promise<{ ms: number; matches: number }> {
  const consumer = client.consumer({ groupId: `bench-baseline-${process.pid}-${run}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let seen = 0;
  let matches = 0;
  // The clock starts at the first batch: joining the group (seconds with kafkajs) is not counted,
  // which favours the baseline.
  let started = 0;
  await new Promise<void>((resolve) => {
    void consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        if (started === 0) started = performance.now();
        for (const message of batch.messages) {
          const value = JSON.parse(message.value!.toString()) as { kind?: string };
          if (value.kind === "alert") matches += 1;
          seen += 1;
        }
        if (seen >= TOTAL) resolve();
      },
    });
  });
  const ms = performance.now() - started;
  await consumer.disconnect();
  return { ms, matches };
}

const { scanTopic } = await import("../src/server/services/messages/search/search-scan");
const { disconnectAllClusters } = await import("../src/server/kafka/client-registry");
const { closeJsonataPool } = await import("../src/server/services/expressions/jsonata-pool");
const { env } = await import("../src/env");

/** A filter the fast path cannot answer: every message goes to jsonata in the worker threads. */
const GENERAL_FILTER = '$substring(value.kind, 0, 5) = "alert"';

function query(overrides: Partial<TSearchQuery>): TSearchQuery {
  return {
    partition: null,
    kind: "jsonata",
    query: 'value.kind = "alert"',
    from: null,
    to: null,
    maxMessages: 100_000_000,
    maxSeconds: 3_600,
    maxResults: 100_000,
    ...overrides,
  };
}

async function ourScan(overrides: Partial<TSearchQuery>): Promise<{ ms: number; matches: number; scanned: number }> {
  const started = performance.now();
  let last = { matches: 0, scanned: 0 };
  for await (const event of scanTopic(target, topic, query(overrides), new AbortController().signal)) last = event;
  return { ms: performance.now() - started, ...last };
}

/** Aborts a running scan after a while and times how long the scan takes to stop (null: it ended first). */
async function cancelLatency(overrides: Partial<TSearchQuery>, afterMs: number): Promise<number | null> {
  const controller = new AbortController();
  let abortedAt: number | null = null;
  const timer = setTimeout(() => {
    abortedAt = performance.now();
    controller.abort();
  }, afterMs);
  for await (const _event of scanTopic(target, topic, query(overrides), controller.signal)) {
    // Events are drained; only the end matters.
  }
  clearTimeout(timer);
  return abortedAt === null ? null : performance.now() - abortedAt;
}

const rate = (messages: number, ms: number) => messages / (ms / 1000);
const perSecond = (value: number) => `${Math.round(value).toLocaleString("en-US")} msg/s`;

try {
  await admin.connect();
  await admin.createTopics({
    topics: [{ topic, numPartitions: PARTITIONS, replicationFactor: 1 }],
    waitForLeaders: true,
  });
  await produce();

  // Warm up both paths (connections, JIT).
  await ourScan({ maxMessages: 50_000 });
  await ourScan({ maxMessages: 50_000, query: GENERAL_FILTER });

  /** Paired runs of the baseline and one filter; medians of both rates and of the ratios. */
  async function paired(label: string, overrides: Partial<TSearchQuery>) {
    const baseline: number[] = [];
    const ours: number[] = [];
    const ratios: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const oursFirst = run % 2 === 1;
      const early = oursFirst ? await ourScan(overrides) : null;
      const plain = await plainConsumerScan(run);
      const scan = early ?? (await ourScan(overrides));
      baseline.push(rate(TOTAL, plain.ms));
      ours.push(rate(scan.scanned, scan.ms));
      ratios.push(ours.at(-1)! / baseline.at(-1)!);
      console.log(
        `${label} run ${run + 1}: plain kafkajs ${perSecond(baseline.at(-1)!)} (${plain.matches} matches); Tributary ${perSecond(ours.at(-1)!)} (${scan.matches} matches, ${scan.scanned} scanned); ratio ${ratios.at(-1)!.toFixed(2)}×`,
      );
    }
    return { base: quantile(baseline, 0.5), tributary: quantile(ours, 0.5), ratio: quantile(ratios, 0.5) };
  }

  const fast = await paired("fast path", {});
  const general = await paired("workers", { query: GENERAL_FILTER });
  console.log(
    `plain kafkajs consumer + JSON.parse + predicate: median ${perSecond(fast.base)} (fast-path pairs), ${perSecond(general.base)} (worker pairs)`,
  );
  console.log(
    `Tributary, fast path on the main thread (value.kind = "alert"): median ${perSecond(fast.tributary)}; ratio ${fast.ratio.toFixed(2)}×; aim ≥ 0.8× → ${fast.ratio >= 0.8 ? "met" : "NOT met"}`,
  );
  console.log(
    `Tributary, jsonata in ${env.JSONATA_WORKERS} worker threads (${GENERAL_FILTER}): median ${perSecond(general.tributary)}; ratio ${general.ratio.toFixed(2)}×; aim ≥ 0.5× → ${general.ratio >= 0.5 ? "met" : "NOT met"}`,
  );
  const base = fast.base;

  const text = await ourScan({ kind: "text", query: '"kind":"alert"' });
  console.log(
    `Tributary text search: ${perSecond(rate(text.scanned, text.ms))} (${(rate(text.scanned, text.ms) / base).toFixed(2)}× the baseline)`,
  );

  const latencies: number[] = [];
  for (let run = 0; run < 10; run += 1) {
    const overrides = run % 2 === 0 ? {} : { query: GENERAL_FILTER };
    const latency = await cancelLatency(overrides, 200 + run * 37);
    if (latency !== null) latencies.push(latency);
  }
  const worst = Math.max(...latencies);
  console.log(
    `cancel latency (abort → scan stopped), fast path and jsonata alternating: median ${quantile(latencies, 0.5).toFixed(1)} ms, worst ${worst.toFixed(1)} ms (${latencies.length} of 10 runs aborted mid-scan); aim ≤ 200 ms → ${worst <= 200 ? "met" : "NOT met"}`,
  );
} finally {
  await admin.disconnect();
  await disconnectAllClusters();
  await closeJsonataPool();
  await kafka.stop();
  await rm(dataDir, { recursive: true, force: true });
}
