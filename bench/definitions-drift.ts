/**
 * Cluster-wide drift of 5,000 definitions against 5,000 topics: Tributary's `definitions.drift`
 * procedure (the definitions from PostgreSQL, one read of the cluster — metadata and the defined
 * topics' configs — and diffDefinition over all) against the plain `topics.list` call (page one) of
 * the same run, on the same fresh broker. Issue 12 asks for the ratio; there is no aim to meet.
 *   npm run bench -- definitions-drift [topics]
 */
import { rm } from "node:fs/promises";
import kafkajs from "kafkajs";
import { startKafka } from "../apps/kafka-local/src/cluster";
import { findFreeBasePort } from "../apps/kafka-local/src/ports";
import { provisionTestDatabase } from "../src/server/db/test-database";
import { describeSamples, quantile, time } from "./stats";

const TOPICS = Number(process.argv[3] ?? 5_000);
const RUNS = 9;
const SAVE_CONCURRENCY = 16;
const dataDir = `.data/bench/definitions-drift-${process.pid}`;
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

console.log(`npm run bench -- definitions-drift ${TOPICS}`);
const setupStarted = performance.now();
const kafka = await startKafka({ dataDir: `${dataDir}/kafka`, basePort: await findFreeBasePort(1), clean: true });
const database = await provisionTestDatabase({
  dataDir: `${dataDir}/postgres`,
  port: 20_000 + Math.floor(Math.random() * 6_000) * 2 + 1,
});
process.env.DATABASE_URL = database.databaseUrl;
process.env.KAFKA_BROKERS = kafka.bootstrapServers;

const client = new kafkajs.Kafka({ brokers: kafka.bootstrapServers.split(","), logLevel: kafkajs.logLevel.NOTHING });
const admin = client.admin();
try {
  await admin.connect();
  const names = Array.from({ length: TOPICS }, (_, index) => `bench.drift-${String(index).padStart(5, "0")}`);
  let started = performance.now();
  for (let offset = 0; offset < names.length; offset += 250) {
    const batch = names.slice(offset, offset + 250).map((topic) => ({ topic, numPartitions: 1, replicationFactor: 1 }));
    await admin.createTopics({ topics: batch, waitForLeaders: false });
  }
  console.log(`created ${TOPICS} topics in ${seconds(started)}`);

  const { createCaller } = await import("../src/server/api/root");
  const { LOCAL_OPERATOR } = await import("../src/server/auth/actor");
  const caller = createCaller({ actor: LOCAL_OPERATOR });
  const [cluster] = await caller.clusters.list();
  const clusterId = cluster!.id;

  // Every definition names two configs (so the drift reads configs, as real ones do); every tenth
  // asks for two partitions, so a tenth of the topics drift.
  started = performance.now();
  for (let offset = 0; offset < names.length; offset += SAVE_CONCURRENCY) {
    await Promise.all(
      names.slice(offset, offset + SAVE_CONCURRENCY).map((topicName, index) =>
        caller.definitions.save({
          clusterId,
          definition: {
            topicName,
            layer: "raw",
            owner: "bench",
            partitions: (offset + index) % 10 === 0 ? 2 : 1,
            replicationFactor: 1,
            configs: { "retention.ms": "604800000", "cleanup.policy": "delete" },
          },
        }),
      ),
    );
  }
  console.log(`saved ${TOPICS} definitions in ${seconds(started)}; setup ${seconds(setupStarted)}`);

  const listQuery = { clusterId, pageSize: 50 as const };
  // Warm both paths (connections, JIT) and check the drift is what was set up.
  await caller.topics.list(listQuery);
  const drifts = await caller.definitions.drift({ clusterId });
  const drifted = drifts.filter((drift) => drift.state !== "in-sync").length;
  console.log(`drift: ${drifts.length} definitions, ${drifted} not in sync (expected ${Math.ceil(TOPICS / 10)})`);

  const list = await time(RUNS, () => caller.topics.list(listQuery));
  const drift = await time(RUNS, () => caller.definitions.drift({ clusterId }));
  const base = quantile(list, 0.5);
  const ours = quantile(drift, 0.5);
  console.log(`topics.list page 1 (plain topic list):              ${describeSamples(list)}`);
  console.log(`definitions.drift, ${TOPICS} definitions (whole cluster): ${describeSamples(drift)}`);
  console.log(`ratio (median): ${(ours / base).toFixed(2)}×`);
} finally {
  await admin.disconnect();
  const { disconnectAllClusters } = await import("../src/server/kafka/client-registry");
  await disconnectAllClusters();
  await kafka.stop();
  await database.cleanup();
  await rm(dataDir, { recursive: true, force: true });
}
