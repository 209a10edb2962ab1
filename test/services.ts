import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { startKafka, stopKafkaFromState } from "../apps/kafka-local/src/cluster";
import { findFreeBasePort, isPortFree } from "../apps/kafka-local/src/ports";
import { provisionTestDatabase } from "../src/server/db/test-database";

const TEST_ROOT = ".data/test";

/** The test Kafka's SCRAM and TLS listeners (the same broker as `kafkaBrokers`). */
export type TKafkaSecured = {
  scramBrokers: string;
  scramMechanism: "scram-sha-256" | "scram-sha-512";
  scramUsername: string;
  scramPassword: string;
  /** A TLS listener whose certificate, for 127.0.0.1 and localhost, is signed by the CA in `caPem`. */
  tlsBrokers: string;
  caPem: string;
};

export type TestServices = {
  kafkaBrokers: string;
  secured: TKafkaSecured;
  /** The test Kafka's folder; e2e stops and restarts the broker through it. */
  kafkaDir: string;
  databaseUrl: string;
  /** The embedded PostgreSQL's data folder, null on a server of DATABASE_URL; e2e stops and restarts it. */
  postgresDir: string | null;
  stop(): Promise<void>;
};

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Folders of earlier runs whose process is gone (killed runs leave them behind). */
async function removeStaleRuns(): Promise<void> {
  const entries = await readdir(TEST_ROOT).catch(() => [] as string[]);
  const stale = entries.filter((entry) => /^run-\d+$/.test(entry) && !isAlive(Number(entry.slice(4))));
  for (const entry of stale) {
    const dir = path.join(TEST_ROOT, entry);
    await stopKafkaFromState(path.join(dir, "kafka")).catch(() => false);
    await rm(dir, { recursive: true, force: true });
  }
}

async function findFreePostgresPort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = 20_000 + 2 * Math.floor(Math.random() * 6_000) + 1;
    if (await isPortFree(port)) return port;
  }
  throw new Error("Found no free port for the test PostgreSQL between 20000 and 32000.");
}

/**
 * Starts a fresh single-broker Kafka and a fresh database (on `databaseUrl`'s server when given,
 * else an embedded PostgreSQL) on free ports in a folder of this run's own, so that two test runs
 * on one machine never meet; `stop` removes both.
 */
export async function startTestServices(options: { databaseUrl?: string }): Promise<TestServices> {
  await removeStaleRuns();
  const runDir = path.join(TEST_ROOT, `run-${process.pid}`);
  const kafkaDir = path.join(runDir, "kafka");
  const [basePort, postgresPort] = await Promise.all([findFreeBasePort(1, { secured: true }), findFreePostgresPort()]);
  const [kafka, database] = await Promise.allSettled([
    startKafka({ dataDir: kafkaDir, basePort, clean: true, secured: true }),
    provisionTestDatabase({ databaseUrl: options.databaseUrl, dataDir: path.join(runDir, "postgres"), port: postgresPort }),
  ]);
  const stop = async () => {
    // A test may have stopped and restarted the broker, so stop whatever the state file names now.
    await Promise.allSettled([
      stopKafkaFromState(kafkaDir),
      database.status === "fulfilled" ? database.value.cleanup() : Promise.resolve(),
    ]);
    await rm(runDir, { recursive: true, force: true });
  };
  if (kafka.status === "rejected" || database.status === "rejected") {
    await stop();
    throw kafka.status === "rejected" ? kafka.reason : (database as PromiseRejectedResult).reason;
  }
  const secured = kafka.value.secured;
  if (!secured) {
    await stop();
    throw new Error("The test Kafka started without its SCRAM and TLS listeners.");
  }
  return {
    kafkaBrokers: kafka.value.bootstrapServers,
    secured: {
      scramBrokers: secured.scramBootstrapServers,
      scramMechanism: "scram-sha-512",
      scramUsername: secured.scramUser.username,
      scramPassword: secured.scramUser.password,
      tlsBrokers: secured.tlsBootstrapServers,
      caPem: secured.caPem,
    },
    kafkaDir,
    databaseUrl: database.value.databaseUrl,
    postgresDir: database.value.dataDir,
    stop,
  };
}
