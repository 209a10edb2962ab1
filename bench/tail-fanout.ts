/**
 * Live tail fan-out: the web server's CPU while 1 and while N browser tabs tail one topic at
 * 1,000 msg/s, measured in the same run on a fresh broker. The server is this process (the real
 * tail route handler, service and shared reader over node:http, `tail-route-server.ts`); the SSE clients and
 * the producer run in a child process (`tail-fanout-clients.ts`), so only the server's CPU is counted
 * (`process.cpuUsage()`, user + system, over the steady part of each phase).
 * Rounds alternate 1 and N clients, so a change in the machine's load hits both alike.
 * Aim (issue 10): N = 20 clients cost at most 1.3× the CPU of one.
 *
 *   npm run bench -- tail-fanout [--clients 20] [--rounds 3] [--seconds 12] [--brokers host:port]
 *
 * `--brokers` uses a broker that already runs (e.g. `npm run kafka -- start`) instead of starting
 * one: on a machine loaded enough, a fresh broker can miss kafka-local's 90 s start-up limit.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import kafkajs from "kafkajs";
import { startKafka } from "../apps/kafka-local/src/cluster";
import { findFreeBasePort } from "../apps/kafka-local/src/ports";
import { provisionTestDatabase } from "../src/server/db/test-database";
import { quantile } from "./stats";
import type { TLoadCommand, TLoadReply } from "./tail-fanout-clients";
import { serveTailRoute } from "./tail-route-server";

const option = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const RATE = 1_000;
const CLIENTS = option("clients", 20);
const ROUNDS = option("rounds", 3);
const SECONDS = option("seconds", 12);
/** The first seconds of each phase (connections, JIT, the reader catching up) are not counted. */
const SETTLE_SECONDS = 2;
const TOPIC = `bench-tail-fanout-${process.pid}`;
const cleanups: (() => Promise<unknown>)[] = [];
const dataDir = `.data/bench/tail-fanout-${process.pid}`;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const brokersIndex = process.argv.indexOf("--brokers");
const kafka =
  brokersIndex >= 0
    ? { bootstrapServers: process.argv[brokersIndex + 1]!, stop: async () => undefined }
    : await startKafka({ dataDir: `${dataDir}/kafka`, basePort: await findFreeBasePort(1), clean: true });
const database = await provisionTestDatabase({
  dataDir: `${dataDir}/postgres`,
  port: 20_000 + Math.floor(Math.random() * 6_000) * 2 + 1,
});
process.env.DATABASE_URL = database.databaseUrl;
// The N tabs belong to one signed-in viewer; the per-user tail limit is not what is measured here.
process.env.TAIL_LIMIT_PER_USER = String(Math.max(CLIENTS, 10));
process.env.KAFKA_BROKERS = kafka.bootstrapServers;

const { createSignedInAccount } = await import("../src/server/auth/test-accounts");
// Every stream acts as one signed-in viewer, as 20 tabs of one person would.
const { cookie } = await createSignedInAccount("viewer");
const server = await serveTailRoute(cookie);

const load: ChildProcess = spawn(
  process.execPath,
  ["--import", "tsx", new URL("./tail-fanout-clients.ts", import.meta.url).pathname],
  {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  },
);
const replies: TLoadReply[] = [];
let onReply: (() => void) | null = null;
load.on("message", (reply: TLoadReply) => {
  replies.push(reply);
  onReply?.();
});

async function ask<T extends TLoadReply["type"]>(type: T): Promise<Extract<TLoadReply, { type: T }>> {
  for (;;) {
    const index = replies.findIndex((reply) => reply.type === type);
    if (index >= 0) return replies.splice(index, 1)[0] as Extract<TLoadReply, { type: T }>;
    if (load.exitCode !== null) throw new Error("The load process exited; see its output above.");
    await new Promise<void>((resolve) => (onReply = resolve));
  }
}
const command = (message: TLoadCommand) => load.send(message);

type TPhase = { clients: number; cpuPerSecond: number; received: number[]; skipped: number[]; loadCpu: number };

/** One phase: open the clients, produce, and count the server's CPU seconds per wall second. */
async function phase(url: string, clients: number, seconds: number): Promise<TPhase> {
  command({ type: "open", url, count: clients });
  await ask("opened");
  command({ type: "produce", brokers: kafka.bootstrapServers, topic: TOPIC, rate: RATE, seconds });
  await ask("producing");
  await pause(SETTLE_SECONDS * 1_000);
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  await ask("produced");
  const cpu = process.cpuUsage(cpuBefore);
  const wallSeconds = (performance.now() - wallBefore) / 1_000;
  command({ type: "close", expected: RATE * seconds });
  const { received, skipped, cpuPerSecond: loadCpu } = await ask("closed");
  // Let the last stream's teardown finish before the next phase starts measuring.
  await pause(500);
  return { clients, cpuPerSecond: (cpu.user + cpu.system) / 1e6 / wallSeconds, received, skipped, loadCpu };
}

function describe(result: TPhase): string {
  const total = RATE * SECONDS;
  const complete = result.received.filter((count) => count === total).length;
  const skipped = result.skipped.reduce((sum, count) => sum + count, 0);
  return `${String(result.clients).padStart(2)} client(s): ${result.cpuPerSecond.toFixed(3)} CPU-s/s; ${complete}/${result.clients} received all ${total}, ${skipped} skipped in all (load process: ${result.loadCpu.toFixed(3)} CPU-s/s)`;
}

const admin = new kafkajs.Kafka({
  brokers: kafka.bootstrapServers.split(","),
  logLevel: kafkajs.logLevel.NOTHING,
}).admin();
try {
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 3 }], waitForLeaders: true });
  cleanups.push(() => admin.deleteTopics({ topics: [TOPIC] }));
  const { listClusters } = await import("../src/server/services/clusters/registered-clusters");
  const [cluster] = await listClusters();
  const url = server.url(cluster!.id, TOPIC);

  console.log(`warming up: 1 client, ${RATE} msg/s for 4 s…`);
  await phase(url, 1, 4);
  const ratios: number[] = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    console.log(
      `round ${round}/${ROUNDS}: ${RATE} msg/s for ${SECONDS} s to ${TOPIC} (3 partitions), measured after ${SETTLE_SECONDS} s`,
    );
    const one = await phase(url, 1, SECONDS);
    console.log(`  ${describe(one)}`);
    const many = await phase(url, CLIENTS, SECONDS);
    console.log(`  ${describe(many)}`);
    ratios.push(many.cpuPerSecond / one.cpuPerSecond);
    console.log(`  ratio ${CLIENTS} / 1 client: ${ratios.at(-1)!.toFixed(2)}×`);
  }
  const median = quantile(ratios, 0.5);
  console.log(
    `\nweb server CPU, ${CLIENTS} clients / 1 client: median ${median.toFixed(2)}× over ${ROUNDS} rounds (${ratios.map((ratio) => ratio.toFixed(2)).join(", ")}); aim ≤ 1.3× → ${median <= 1.3 ? "met" : "NOT met"}`,
  );
} finally {
  for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  load.disconnect();
  await admin.disconnect().catch(() => undefined);
  await server.close();
  const { disconnectAllClusters } = await import("../src/server/kafka/client-registry");
  await disconnectAllClusters();
  await kafka.stop();
  await database.cleanup();
  await rm(dataDir, { recursive: true, force: true });
}
