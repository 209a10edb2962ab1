/**
 * Live tail latency at 1,000 msg/s, from the producer's acknowledgement of a message to:
 *  1. its batch arriving at an SSE client of Tributary's live tail route (the real route handler,
 *     service and shared reader, served over HTTP by `tail-route-server.ts`), and
 *  2. its row entering the tail view's list in Chromium, against the production build
 *     (skipped with `--no-browser`),
 * each against a plain kafkajs consumer (maxWaitTimeInMs 100) reading the same stream at the same
 * time, on a fresh broker. Values carry a sequence number and the producer notes when each was
 * acknowledged; all times are epoch milliseconds on this machine's clock.
 * Aim (issue 4): p99 at most the baseline's p99 + 150 ms.
 */
import kafkajs from "kafkajs";
import { decodeTailEvent } from "../src/domain/messages/tail-batch";
import { openTailPage } from "./message-tail-page";
import { readSse } from "./message-tail-sse";
import { serveTailRoute } from "./tail-route-server";
import { startBenchServices } from "./bench-services";
import { quantile } from "./stats";

const RATE = 1_000;
const SECONDS = 15;
/** The first seconds warm connections and the JIT; they are not counted. */
const WARMUP_SECONDS = 2;
const withBrowser = !process.argv.includes("--no-browser");
const now = () => performance.timeOrigin + performance.now();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const { kafka, database, client, stop } = await startBenchServices("message-tail");
const admin = client.admin();
const producer = client.producer();
const consumers: kafkajs.Consumer[] = [];
const cleanups: (() => Promise<unknown>)[] = [];

const { createSignedInAccount } = await import("../src/server/auth/test-accounts");
const { cookie } = await createSignedInAccount("viewer");
const server = await serveTailRoute(cookie);

/** Sends whatever is due every few milliseconds, so the rate holds whatever the ack latency. */
async function produceAtRate(topic: string): Promise<Map<number, number>> {
  const acked = new Map<number, number>();
  const total = RATE * SECONDS;
  const started = performance.now();
  const sends: Promise<void>[] = [];
  let next = 0;
  while (next < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1_000) * RATE));
    if (due > next) {
      const seqs = Array.from({ length: due - next }, (_, index) => next + index);
      next = due;
      const messages = seqs.map((seq) => ({ value: JSON.stringify({ seq, pad: "x".repeat(80) }) }));
      sends.push(
        producer.send({ topic, messages }).then(() => {
          const at = now();
          for (const seq of seqs) acked.set(seq, at);
        }),
      );
    }
    await pause(2);
  }
  await Promise.all(sends);
  return acked;
}

/** The baseline: a plain kafkajs consumer in a group, reading new messages as they come. */
async function startBaseline(topic: string): Promise<Map<number, number>> {
  const arrivals = new Map<number, number>();
  const consumer = client.consumer({ groupId: `bench-${topic}-${process.pid}`, maxWaitTimeInMs: 100 });
  consumers.push(consumer);
  let hasJoined = false;
  consumer.on(consumer.events.GROUP_JOIN, () => (hasJoined = true));
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: false });
  await consumer.run({
    eachMessage: async ({ message }) => {
      arrivals.set(Number((JSON.parse(message.value?.toString() ?? "{}") as { seq?: number }).seq), now());
    },
  });
  while (!hasJoined) await pause(50);
  // The group positions at the end with a ListOffsets after joining; give it a moment.
  await pause(1_000);
  return arrivals;
}

async function waitForAll(...arrivals: (() => number)[]): Promise<void> {
  const deadline = performance.now() + 10_000;
  while (arrivals.some((count) => count() < RATE * SECONDS) && performance.now() < deadline) await pause(100);
}

function report(label: string, acked: Map<number, number>, ours: Map<number, number>, baseline: Map<number, number>) {
  const latencies = (arrivals: Map<number, number>) =>
    [...acked]
      .filter(([seq]) => seq >= RATE * WARMUP_SECONDS && arrivals.has(seq))
      // A consumer may see a record before the producer's callback ran: that is 0 ms after the ack.
      .map(([seq, at]) => Math.max(0, arrivals.get(seq)! - at));
  const describe = (samples: number[]) =>
    `p50 ${quantile(samples, 0.5).toFixed(0)} ms, p99 ${quantile(samples, 0.99).toFixed(0)} ms, max ${Math.max(...samples).toFixed(0)} ms (${samples.length} messages)`;
  const mine = latencies(ours);
  const base = latencies(baseline);
  const [p99, baseP99] = [quantile(mine, 0.99), quantile(base, 0.99)];
  console.log(`\n${label}`);
  console.log(`  plain kafkajs consumer (maxWaitTimeInMs 100): ${describe(base)}`);
  console.log(
    `  Tributary:                                    ${describe(mine)}; received ${ours.size} of ${RATE * SECONDS}`,
  );
  console.log(
    `  p99 difference ${(p99 - baseP99).toFixed(0)} ms (ratio ${(p99 / baseP99).toFixed(2)}×); aim ≤ baseline p99 + 150 ms = ${(baseP99 + 150).toFixed(0)} ms → ${p99 <= baseP99 + 150 ? "met" : "NOT met"}`,
  );
}

try {
  await Promise.all([admin.connect(), producer.connect()]);
  // One partition for the page: its list then shows messages in the order they were produced.
  await admin.createTopics({
    topics: [
      { topic: "bench-tail", numPartitions: 3 },
      { topic: "bench-tail-page", numPartitions: 1 },
    ],
    waitForLeaders: true,
  });
  const { listClusters } = await import("../src/server/services/clusters/registered-clusters");
  const [cluster] = await listClusters();

  // 1. An SSE client of the tail route, as the tail view reads it.
  const stopSse = new AbortController();
  cleanups.push(async () => stopSse.abort());
  const sseArrivals = new Map<number, number>();
  let isLive = false;
  void readSse(server.url(cluster!.id, "bench-tail"), stopSse.signal, (data) => {
    const batch = decodeTailEvent(data);
    isLive ||= batch.status.state === "live";
    const at = now();
    for (const message of batch.messages) sseArrivals.set(sequenceOf(message.value?.base64 ?? ""), at);
  }).catch(() => undefined);
  const sseBaseline = await startBaseline("bench-tail");
  while (!isLive) await pause(50);
  console.log(`producing ${RATE * SECONDS} messages at ${RATE}/s to bench-tail (3 partitions)…`);
  const sseAcked = await produceAtRate("bench-tail");
  await waitForAll(
    () => sseArrivals.size,
    () => sseBaseline.size,
  );
  stopSse.abort();
  report(
    "to the batch at an SSE client of the tail route (batches at most every 100 ms)",
    sseAcked,
    sseArrivals,
    sseBaseline,
  );

  // 2. The tail view in Chromium against the production app.
  if (withBrowser) {
    const page = await openTailPage({
      databaseUrl: database.databaseUrl,
      kafkaBrokers: kafka.bootstrapServers,
      clusterId: cluster!.id,
      topic: "bench-tail-page",
      cookie,
    });
    cleanups.push(page.close);
    const pageBaseline = await startBaseline("bench-tail-page");
    console.log(
      `\nproducing ${RATE * SECONDS} messages at ${RATE}/s to bench-tail-page (1 partition), tailed in Chromium…`,
    );
    const pageAcked = await produceAtRate("bench-tail-page");
    let rows = await page.rowTimes();
    const deadline = performance.now() + 10_000;
    while ((rows.size < RATE * SECONDS || pageBaseline.size < RATE * SECONDS) && performance.now() < deadline) {
      await pause(250);
      rows = await page.rowTimes();
    }
    report(
      "to the row in the tail view in Chromium (includes the view's ≤50 ms flush and React's render)",
      pageAcked,
      rows,
      pageBaseline,
    );
  }
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  await Promise.all(consumers.map((consumer) => consumer.disconnect().catch(() => undefined)));
  await Promise.all([admin.disconnect(), producer.disconnect()]).catch(() => undefined);
  await server.close();
  await stop();
}

function sequenceOf(base64: string): number {
  return Number((JSON.parse(Buffer.from(base64, "base64").toString()) as { seq: number }).seq);
}
