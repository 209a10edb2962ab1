/**
 * First page of a deep partition: 500 messages from offset 500,000 of a 1,000,000-message partition.
 * Tributary's `messages.browse` (through the real router, service, group-less Fetch and audit row)
 * against (a) a plain kafkajs script (consumer group, run + seek, stop at 500) and (b) Kafka's own
 * console consumer from the same jars, in the same run on the same fresh broker.
 * Aim (issue 4): at most 1.2× the kafkajs script + 100 ms, and at most half the console consumer's time.
 */
import { rm } from "node:fs/promises";
import kafkajs from "kafkajs";
import { startKafka } from "../apps/kafka-local/src/cluster";
import { kafkaLibsDir } from "../apps/kafka-local/src/jars";
import { toolJvmArgs } from "../apps/kafka-local/src/jvm";
import { findFreeBasePort } from "../apps/kafka-local/src/ports";
import { runCommand } from "../apps/kafka-local/src/run-command";
import { provisionTestDatabase } from "../src/server/db/test-database";
import { describeSamples, quantile, time } from "./stats";

const TOTAL = Number(process.argv[3] ?? 1_000_000);
const FROM = Math.floor(TOTAL / 2);
const PAGE = 500;
const RUNS = Number(process.argv[4] ?? 7);
const topic = "bench-first-page";
const dataDir = `.data/bench/message-first-page-${process.pid}`;

const kafka = await startKafka({ dataDir: `${dataDir}/kafka`, basePort: await findFreeBasePort(1), clean: true });
const database = await provisionTestDatabase({
  dataDir: `${dataDir}/postgres`,
  port: 20_000 + Math.floor(Math.random() * 6_000) * 2 + 1,
});
process.env.DATABASE_URL = database.databaseUrl;
process.env.KAFKA_BROKERS = kafka.bootstrapServers;
const libsDir = kafkaLibsDir();
const client = new kafkajs.Kafka({ brokers: kafka.bootstrapServers.split(","), logLevel: kafkajs.logLevel.NOTHING });
const admin = client.admin();

/** Kafka's own perf producer fills the partition in seconds (100-byte values, no compression). */
async function fill(): Promise<void> {
  const started = performance.now();
  const result = await runCommand(
    "java",
    toolJvmArgs(libsDir, "org.apache.kafka.tools.ProducerPerformance", [
      "--topic",
      topic,
      "--num-records",
      String(TOTAL),
      "--record-size",
      "100",
      "--throughput",
      "-1",
      "--producer-props",
      `bootstrap.servers=${kafka.bootstrapServers}`,
      "acks=1",
      "batch.size=262144",
      "linger.ms=20",
    ]),
  );
  if (!result || result.exitCode !== 0) throw new Error(`ProducerPerformance failed: ${result?.output.slice(-500)}`);
  console.log(
    `produced ${TOTAL.toLocaleString("en-US")} messages in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

/**
 * The kafkajs script: join a new group, seek partition 0 to FROM, stop at PAGE messages. Returns the
 * whole script's time and, separately, the time after the group was joined (the fetch part alone).
 */
async function kafkajsSeek(run: number): Promise<{ total: number; afterJoin: number }> {
  const started = performance.now();
  const consumer = client.consumer({ groupId: `bench-seek-${process.pid}-${run}`, maxWaitTimeInMs: 100 });
  let joinedAt = 0;
  consumer.on(consumer.events.GROUP_JOIN, () => {
    joinedAt = performance.now();
  });
  await consumer.connect();
  await consumer.subscribe({ topic });
  const offsets: string[] = [];
  await new Promise<void>((resolve) => {
    void consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) {
          if (BigInt(message.offset) >= BigInt(FROM) && offsets.length < PAGE) offsets.push(message.offset);
        }
        if (offsets.length >= PAGE) resolve();
      },
    });
    consumer.seek({ topic, partition: 0, offset: String(FROM) });
  });
  const ended = performance.now();
  await consumer.disconnect();
  if (offsets[0] !== String(FROM) || offsets.length !== PAGE)
    throw new Error(`kafkajs read ${offsets[0]}… (${offsets.length})`);
  return { total: ended - started, afterJoin: ended - joinedAt };
}

async function consoleConsumer(): Promise<void> {
  const result = await runCommand(
    "java",
    toolJvmArgs(libsDir, "org.apache.kafka.tools.consumer.ConsoleConsumer", [
      "--bootstrap-server",
      kafka.bootstrapServers,
      "--topic",
      topic,
      "--partition",
      "0",
      "--offset",
      String(FROM),
      "--max-messages",
      String(PAGE),
    ]),
  );
  if (!result?.output.includes(`Processed a total of ${PAGE} messages`)) {
    throw new Error(`console consumer: ${result?.output.slice(-300)}`);
  }
}

try {
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
  await fill();

  const { createCaller } = await import("../src/server/api/root");
  const { LOCAL_OPERATOR } = await import("../src/server/auth/actor");
  const { disconnectAllClusters } = await import("../src/server/kafka/client-registry");
  const caller = createCaller({ actor: LOCAL_OPERATOR });
  const [cluster] = await caller.clusters.list();
  const browse = async () => {
    const page = await caller.messages.browse({
      clusterId: cluster!.id,
      topic,
      partition: 0,
      start: { kind: "offset", offset: String(FROM) },
      order: "oldest-first",
      limit: PAGE,
    });
    if (page.messages[0]?.offset !== String(FROM) || page.messages.length !== PAGE)
      throw new Error("browse read the wrong page");
  };

  // Cold: a fresh connection, as the first browse after the server starts.
  const cold = await time(1, browse);
  // Warm both paths (JIT, the broker's page cache) before timing.
  await browse();
  await kafkajsSeek(-1);
  await consoleConsumer();

  const seeks: { total: number; afterJoin: number }[] = [];
  const consoles: number[] = [];
  const ours: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    seeks.push(await kafkajsSeek(run));
    consoles.push(...(await time(1, consoleConsumer)));
    ours.push(...(await time(1, browse)));
  }
  const coldAgain: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    await disconnectAllClusters();
    coldAgain.push(...(await time(1, browse)));
  }

  const total = seeks.map((seek) => seek.total);
  const afterJoin = seeks.map((seek) => seek.afterJoin);
  const base = quantile(total, 0.5);
  const fetchOnly = quantile(afterJoin, 0.5);
  const console_ = quantile(consoles, 0.5);
  const warm = quantile(ours, 0.5);
  const coldMedian = quantile([...cold, ...coldAgain], 0.5);
  console.log(`kafkajs seek script (connect, join group, seek, 500): ${describeSamples(total)}`);
  console.log(`  of which after the group join (fetch only):        ${describeSamples(afterJoin)}`);
  console.log(`Kafka console consumer (JVM start included):          ${describeSamples(consoles)}`);
  console.log(`Tributary messages.browse, warm connection:           ${describeSamples(ours)}`);
  console.log(`Tributary messages.browse, fresh connection:          ${describeSamples([...cold, ...coldAgain])}`);
  const aimA = 1.2 * base + 100;
  console.log(
    `vs kafkajs script: warm ${(warm / base).toFixed(3)}×, fresh ${(coldMedian / base).toFixed(3)}×; aim ≤ 1.2× + 100 ms = ${aimA.toFixed(0)} ms → ${Math.max(warm, coldMedian) <= aimA ? "met" : "NOT met"}`,
  );
  console.log(
    `vs kafkajs fetch after join only: warm ${(warm / fetchOnly).toFixed(2)}× (${fetchOnly.toFixed(1)} ms; 1.2× + 100 ms = ${(1.2 * fetchOnly + 100).toFixed(0)} ms → ${warm <= 1.2 * fetchOnly + 100 ? "met" : "NOT met"})`,
  );
  console.log(
    `vs console consumer: warm ${(warm / console_).toFixed(3)}×, fresh ${(coldMedian / console_).toFixed(3)}×; aim ≤ 0.5× → ${Math.max(warm, coldMedian) <= 0.5 * console_ ? "met" : "NOT met"}`,
  );
} finally {
  await admin.disconnect();
  const { disconnectAllClusters } = await import("../src/server/kafka/client-registry");
  await disconnectAllClusters();
  await kafka.stop();
  await database.cleanup();
  await rm(dataDir, { recursive: true, force: true });
}
