/**
 * `npm test`: typecheck, lint, unit tests, integration tests against a real Kafka and PostgreSQL,
 * and Playwright e2e in Debian's Chromium. Starts and stops what it needs, and ends with one line
 * `tests: N passed, M failed` (typecheck and lint count as one check each).
 */
import { existsSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { isPortFree } from "../apps/kafka-local/src/ports";
import { bin, run } from "./lib/child";
import { buildIfStale } from "./lib/next-build";
import { runPrismaGenerate } from "./lib/prisma";
import { applyMigrations } from "../src/server/db/migrate";
import { createEmptyDatabase } from "../src/server/db/test-database";
import {
  add,
  clearReport,
  EMPTY,
  playwrightFailures,
  playwrightTally,
  vitestFailures,
  vitestTally,
  type Tally,
} from "./lib/reports";
import type { TestServices } from "../test/services";
import { loadEnvOrExit } from "./lib/load-env";

const REPORTS = `.data/test/reports-${process.pid}`;
const CHROMIUM = "/usr/bin/chromium";
// Next.js would try to send anonymous telemetry; nothing here needs it (and the network may be closed).
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const log = (line: string) => console.log(`\n[test] ${line}`);
const summary: Array<{ step: string; tally: Tally; note?: string }> = [];
const failures: string[] = [];

function record(step: string, tally: Tally, note?: string) {
  summary.push({ step, tally, note });
}

async function check(step: string, command: string, args: string[]) {
  log(`${step}…`);
  const code = await run(bin(command), args);
  record(step, code === 0 ? { ...EMPTY, passed: 1 } : { ...EMPTY, failed: 1 });
}

async function vitest(project: "unit" | "integration", env: Record<string, string> = {}) {
  log(`${project} tests…`);
  const report = `${REPORTS}/${project}.json`;
  await clearReport(report);
  const args = ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`];
  const code = await run(bin("vitest"), args, { env: { ...process.env, ...env } });
  record(project, await vitestTally(report, code));
  failures.push(...(await vitestFailures(report)).map((line) => `${project}: ${line}`));
}

async function e2e(services: TestServices) {
  if (!existsSync(CHROMIUM)) {
    record(
      "e2e",
      { ...EMPTY, failed: 1 },
      `Chromium is missing at ${CHROMIUM}: install it with apt-get install -y chromium.`,
    );
    return;
  }
  log("building the web app for e2e…");
  try {
    await buildIfStale((line) => log(line));
  } catch (error) {
    record("e2e", { ...EMPTY, failed: 1 }, error instanceof Error ? error.message : String(error));
    return;
  }
  log("e2e tests (Chromium)…");
  const report = `${REPORTS}/e2e.json`;
  await clearReport(report);
  // A database of its own: the integration tests left accounts behind, and the e2e run starts
  // from none, so the server prints the first-admin setup link that e2e/accounts.setup.ts follows.
  const database = await createEmptyDatabase(services.databaseUrl);
  await applyMigrations(database.databaseUrl);
  const env = {
    ...process.env,
    DATABASE_URL: database.databaseUrl,
    KAFKA_BROKERS: services.kafkaBrokers,
    KAFKA_LOCAL: "never",
    TRIBUTARY_TEST_KAFKA_DIR: services.kafkaDir,
    // The same broker's SCRAM and TLS listeners, for specs that add a secured cluster (JSON of TKafkaSecured).
    TRIBUTARY_TEST_KAFKA_SECURED: JSON.stringify(services.secured),
    // A test-only key: the clusters spec stores a SCRAM password, which needs one.
    TRIBUTARY_SECRET_KEY: E2E_SECRET_KEY,
    // Only a PostgreSQL of this run's own may be stopped by the outage spec; a shared server never.
    TRIBUTARY_TEST_POSTGRES_DIR: services.postgresDir ?? "",
    TRIBUTARY_E2E_PORT: String(await findFreePort()),
    TRIBUTARY_E2E_REPORT: report,
  };
  const code = await run(bin("playwright"), ["test"], { env });
  await database.cleanup().catch(() => undefined);
  record("e2e", await playwrightTally(report, code));
  failures.push(...(await playwrightFailures(report)).map((line) => `e2e: ${line}`));
}

/** 32 bytes in hex, for the e2e run's cluster secrets only. */
const E2E_SECRET_KEY = "79ad6d70047228c3e1db00183d3d283bdf60681e0dc116285127bdc60758f86e";

async function findFreePort(): Promise<number> {
  for (let port = 3100; port < 3200; port += 1) if (await isPortFree(port)) return port;
  throw new Error("Found no free port for the e2e web server between 3100 and 3200.");
}

async function main(): Promise<number> {
  await mkdir(REPORTS, { recursive: true });
  await runPrismaGenerate();
  await check("typecheck", "tsc", ["--noEmit"]);
  await check("lint", "eslint", ["--max-warnings", "0", "."]);
  await vitest("unit");

  log("starting a real Kafka broker and PostgreSQL for integration and e2e tests…");
  let services: TestServices | null = null;
  try {
    const { startTestServices } = await import("../test/services");
    services = await startTestServices({ databaseUrl: env.DATABASE_URL });
  } catch (error) {
    record("services", { ...EMPTY, failed: 1 }, error instanceof Error ? error.message : String(error));
  }
  if (services) {
    try {
      await vitest("integration", {
        TRIBUTARY_TEST_KAFKA_BROKERS: services.kafkaBrokers,
        TRIBUTARY_TEST_KAFKA_SECURED: JSON.stringify(services.secured),
        TRIBUTARY_TEST_DATABASE_URL: services.databaseUrl,
      });
      await e2e(services);
    } finally {
      await services.stop();
    }
  }

  await rm(REPORTS, { recursive: true, force: true });
  const total = summary.reduce((sum, entry) => add(sum, entry.tally), EMPTY);
  console.log("\n[test] summary");
  for (const { step, tally, note } of summary) {
    console.log(`  ${step.padEnd(12)} ${tally.passed} passed, ${tally.failed} failed${note ? ` — ${note}` : ""}`);
  }
  // CI shows only the tail of the output: name what failed right above the last line.
  if (failures.length > 0) console.log(`\n[test] failed\n${failures.map((line) => `  ${line}`).join("\n")}`);
  console.log(`tests: ${total.passed} passed, ${total.failed} failed`);
  return total.failed === 0 ? 0 : 1;
}

const env = await loadEnvOrExit("[test]");
main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(`[test] ${error instanceof Error ? error.message : String(error)}`);
    console.log("tests: 0 passed, 1 failed");
    process.exit(1);
  });
