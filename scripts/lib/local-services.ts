import path from "node:path";
import { readKafkaStatus, startKafka } from "../../apps/kafka-local/src/cluster";
import { isPortFree } from "../../apps/kafka-local/src/ports";
import { probeMetadata } from "../../apps/kafka-local/src/probe";
import type { SecuredListenersState } from "../../apps/kafka-local/src/state";
import type { TEnv } from "../../src/env";
import { startEmbeddedPostgres } from "../../src/server/db/embedded";
import { applyMigrations } from "../../src/server/db/migrate";
import { assertDatabaseReachable } from "../../src/server/db/reachability";
import { disconnectCluster } from "../../src/server/kafka/client-registry";
import { DEMO_TOPIC } from "../../apps/simulator/src/demo-topic";
import { runSimulator } from "../../apps/simulator/src/simulator";

type Log = (line: string) => void;
export type Service<T> = T & { stop(): Promise<void> };

const DEFAULT_BROKERS = "127.0.0.1:9092";

/** DATABASE_URL when set (checked first), else the embedded PostgreSQL; migrations applied either way. */
export async function startDatabase(env: TEnv, log: Log): Promise<Service<{ databaseUrl: string }>> {
  let databaseUrl = env.DATABASE_URL;
  let stop = async () => {};
  if (databaseUrl) {
    await assertDatabaseReachable(databaseUrl);
    log("PostgreSQL: using DATABASE_URL.");
  } else {
    const dataDir = path.join(env.TRIBUTARY_DATA_DIR, "postgres");
    const embedded = await startEmbeddedPostgres({ dataDir, port: env.EMBEDDED_POSTGRES_PORT });
    databaseUrl = embedded.databaseUrl;
    stop = embedded.stop;
    log(`PostgreSQL: embedded, data in ${dataDir}, port ${env.EMBEDDED_POSTGRES_PORT}.`);
  }
  try {
    const { applied } = await applyMigrations(databaseUrl);
    log(applied.length ? `Migrations applied: ${applied.join(", ")}.` : "Migrations: up to date.");
  } catch (error) {
    await stop();
    throw error;
  }
  return { databaseUrl, stop };
}

/**
 * The local Kafka from apps/kafka-local, when KAFKA_LOCAL says so ("auto": only for the default
 * KAFKA_BROKERS). One already running from the same folder is reused and left running.
 */
export async function startLocalKafkaIfWanted(
  env: TEnv,
  log: Log,
): Promise<Service<{ bootstrapServers: string; isLocal: boolean }>> {
  const isLocalAddress = /^(127\.0\.0\.1|localhost):\d+$/.test(env.KAFKA_BROKERS);
  const wanted = env.KAFKA_LOCAL === "always" || (env.KAFKA_LOCAL === "auto" && env.KAFKA_BROKERS === DEFAULT_BROKERS);
  if (env.KAFKA_LOCAL === "always" && !isLocalAddress) {
    throw new Error(`KAFKA_LOCAL=always runs Kafka on this machine, so KAFKA_BROKERS must be 127.0.0.1:<port> (got ${env.KAFKA_BROKERS}).`);
  }
  if (!wanted) {
    log(`Kafka: using ${env.KAFKA_BROKERS} (KAFKA_BROKERS).`);
    return { bootstrapServers: env.KAFKA_BROKERS, isLocal: false, stop: async () => {} };
  }
  const dataDir = path.join(env.TRIBUTARY_DATA_DIR, "kafka-local");
  const status = await readKafkaStatus(dataDir);
  if (status.running && status.bootstrapServers) {
    log(`Kafka: reusing the local Kafka already running at ${status.bootstrapServers}.`);
    if (status.secured) logSecuredListeners(status.secured, log);
    return { bootstrapServers: status.bootstrapServers, isLocal: true, stop: async () => {} };
  }
  const port = Number(env.KAFKA_BROKERS.split(":")[1] ?? 9092);
  if (!(await isPortFree(port))) {
    // Something listens there: a Kafka someone else started is as good as ours; anything else is a conflict.
    const answersAsKafka = await probeMetadata("127.0.0.1", port).then(
      () => true,
      () => false,
    );
    if (answersAsKafka) {
      log(`Kafka: a broker already answers at ${env.KAFKA_BROKERS}; using it (set KAFKA_LOCAL=always to insist on our own).`);
      return { bootstrapServers: env.KAFKA_BROKERS, isLocal: true, stop: async () => {} };
    }
    throw new Error(
      `Port ${port} is already in use by something that is not Kafka, so the local Kafka cannot start — stop what uses it, or set KAFKA_BROKERS=127.0.0.1:19092 with KAFKA_LOCAL=always to run the local Kafka there.`,
    );
  }
  log("Kafka: starting the local broker (the first start downloads Kafka's jars through Maven)…");
  const started = Date.now();
  const kafka = await startKafka({ dataDir, basePort: port });
  log(`Kafka: ${kafka.bootstrapServers} answered after ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  if (kafka.secured) logSecuredListeners(kafka.secured, log);
  return { bootstrapServers: kafka.bootstrapServers, isLocal: true, stop: () => kafka.stop() };
}

/** Started once with `npm run kafka -- start --secured`, the local Kafka keeps its SCRAM and TLS listeners. */
function logSecuredListeners(secured: SecuredListenersState, log: Log): void {
  log(
    `Kafka: also SCRAM at ${secured.scramBootstrapServers} (user ${secured.scramUsername}, password in ${secured.scramUserFile}) and TLS at ${secured.tlsBootstrapServers} (CA ${secured.caFile}).`,
  );
}

/** DEMO_DATA=on, or "auto" on the local Kafka: never on a cluster someone else runs. */
export function wantsDemoData(env: TEnv, kafka: { isLocal: boolean }): boolean {
  return env.DEMO_DATA === "on" || (env.DEMO_DATA === "auto" && kafka.isLocal);
}

/**
 * The demo's topic definitions and pipeline (scripts/lib/demo-pipeline.ts), each only when absent.
 * A failure is logged, never fatal: the app is worth starting without them.
 */
export async function ensureDemoDesignsIfWanted(
  env: TEnv,
  services: { databaseUrl: string; bootstrapServers: string; isLocal: boolean },
  log: Log,
): Promise<void> {
  if (!wantsDemoData(env, services)) return;
  // Known only now; the app's modules read these from this same env object (as in scripts/tributary.ts).
  env.DATABASE_URL = services.databaseUrl;
  env.KAFKA_BROKERS = services.bootstrapServers;
  try {
    const { ensureDemoDesigns } = await import("./demo-pipeline");
    const added = await ensureDemoDesigns();
    if (added.length > 0) log(`Demo designs: added ${added.join(", ")}.`);
  } catch (error) {
    log(`Demo designs: not added (${error instanceof Error ? error.message : String(error)}).`);
  }
}

/** Demo telemetry in the background while the app runs; stopping it waits for the last batch. */
export function startDemoData(env: TEnv, kafka: { bootstrapServers: string; isLocal: boolean }, log: Log): Service<object> {
  if (!wantsDemoData(env, kafka) || env.DEMO_RATE === 0) return { stop: async () => {} };
  const controller = new AbortController();
  const target = { id: "demo-data", bootstrapServers: kafka.bootstrapServers };
  let lastError = "";
  const running = runSimulator({
    target,
    rate: env.DEMO_RATE,
    signal: controller.signal,
    onError: (error) => {
      const message = error instanceof Error ? error.message : String(error);
      if (message !== lastError) log(`Demo data: ${message} (retrying).`);
      lastError = message;
    },
  }).catch((error: unknown) => log(`Demo data stopped: ${error instanceof Error ? error.message : String(error)}`));
  log(`Demo data: ${env.DEMO_RATE} readings/s into ${DEMO_TOPIC} (DEMO_DATA=off to stop it).`);
  return {
    stop: async () => {
      controller.abort();
      await running;
      await disconnectCluster(target.id);
    },
  };
}
