import { spawn } from "node:child_process";
import type { TEnv } from "../../src/env";
import { isPortFree } from "../../src/server/db/port-check";
import { bin, stopChild, waitForHttp } from "./child";
import { startDatabase, startDemoData, startLocalKafkaIfWanted, type Service } from "./local-services";
import { buildIfStale } from "./next-build";
import { runPrismaGenerate } from "./prisma";

// Next.js would try to send anonymous telemetry; nothing here needs it (and the network may be closed).
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const log = (line: string) => console.log(`[tributary] ${line}`);
const startedAt = Date.now();
const cleanups: Array<() => Promise<void>> = [];
let shuttingDown = false;

async function shutdown(code: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    log("Stopping…");
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  }
  process.exit(code);
}

async function main(env: TEnv, isDev: boolean): Promise<void> {
  if (!(await isPortFree(env.PORT))) {
    throw new Error(`Port ${env.PORT} is already in use — stop what uses it or start with PORT=${env.PORT + 1} npm start.`);
  }
  await runPrismaGenerate();
  const [database, kafka] = await startBoth(startDatabase(env, log), startLocalKafkaIfWanted(env, log));
  cleanups.push(startDemoData(env, kafka, log).stop);
  if (!isDev) await buildIfStale(log);

  const web = spawn(bin("next"), [isDev ? "dev" : "start", "--port", String(env.PORT)], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: database.databaseUrl, KAFKA_BROKERS: kafka.bootstrapServers },
  });
  cleanups.push(() => stopChild(web));
  web.once("exit", (code) => {
    if (!shuttingDown) {
      log(`The web server stopped (exit code ${code ?? "none"}).`);
      void shutdown(code ?? 1);
    }
  });
  const url = `http://localhost:${env.PORT}`;
  await waitForHttp(`${url}/api/health`, web);
  log(`Ready at ${url} after ${((Date.now() - startedAt) / 1000).toFixed(1)} s. Press Ctrl-C to stop.`);
}

/** Starts two services side by side; if either fails, the other is stopped too before the error surfaces. */
async function startBoth<A extends Service<object>, B extends Service<object>>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [first, second] = await Promise.allSettled([a, b]);
  for (const result of [first, second]) if (result.status === "fulfilled") cleanups.push(result.value.stop);
  if (first.status === "rejected") throw first.reason;
  if (second.status === "rejected") throw second.reason;
  return [first.value, second.value];
}

/** Runs the app until Ctrl-C (or SIGTERM), then stops everything it started. */
export function runApp(env: TEnv, isDev: boolean): void {
  process.once("SIGINT", () => void shutdown(0));
  process.once("SIGTERM", () => void shutdown(0));
  main(env, isDev).catch(async (error: unknown) => {
    console.error(`[tributary] ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  });
}
