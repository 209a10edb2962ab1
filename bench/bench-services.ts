/**
 * What most benchmarks start with: a fresh local broker and database on free ports, the app's
 * environment pointed at them, and a plain kafkajs client for the baseline — and what they end with.
 */
import { rm } from "node:fs/promises";
import kafkajs from "kafkajs";
import { startKafka } from "../apps/kafka-local/src/cluster";
import { findFreeBasePort } from "../apps/kafka-local/src/ports";
import { provisionTestDatabase } from "../src/server/db/test-database";

export async function startBenchServices(name: string) {
  const dataDir = `.data/bench/${name}-${process.pid}`;
  const kafka = await startKafka({ dataDir: `${dataDir}/kafka`, basePort: await findFreeBasePort(1), clean: true });
  const database = await provisionTestDatabase({
    dataDir: `${dataDir}/postgres`,
    port: 20_000 + Math.floor(Math.random() * 6_000) * 2 + 1,
  });
  // Before the app's modules are imported: src/env.ts reads these once.
  process.env.DATABASE_URL = database.databaseUrl;
  process.env.KAFKA_BROKERS = kafka.bootstrapServers;
  const client = new kafkajs.Kafka({ brokers: kafka.bootstrapServers.split(","), logLevel: kafkajs.logLevel.NOTHING });
  return {
    kafka,
    database,
    client,
    async stop() {
      const { disconnectAllClusters } = await import("../src/server/kafka/client-registry");
      await disconnectAllClusters();
      await kafka.stop();
      await database.cleanup();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Topics of one partition each, 250 per CreateTopics request, not waiting for leaders. */
export async function createTopicsInBatches(admin: kafkajs.Admin, names: readonly string[]): Promise<void> {
  for (let offset = 0; offset < names.length; offset += 250) {
    const batch = names.slice(offset, offset + 250).map((topic) => ({ topic, numPartitions: 1, replicationFactor: 1 }));
    await admin.createTopics({ topics: batch, waitForLeaders: false });
  }
}
