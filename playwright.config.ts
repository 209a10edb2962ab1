import { defineConfig } from "@playwright/test";
import { E2E_PORT, SERVER_LOG, storageStatePath } from "./e2e/paths";

/**
 * E2E against the real app (production build), real Kafka and real PostgreSQL. `npm test` starts
 * Kafka and the database and passes them in DATABASE_URL / KAFKA_BROKERS; Playwright starts the app.
 * The browser is Debian's Chromium: Playwright's own download cannot reach its host here.
 */
// `npm test` picks a free port and a report path for each run; these defaults serve a manual run.
const port = E2E_PORT;
// While developing, point the specs at an app you already run (e.g. `npm run dev`) instead.
const externalBaseUrl = process.env.TRIBUTARY_E2E_BASE_URL;
const reportFile = process.env.TRIBUTARY_E2E_REPORT ?? ".data/test/reports/e2e.json";
export const CHROMIUM_PATH = "/usr/bin/chromium";
// The server's output goes to SERVER_LOG, so the accounts setup can read the printed setup link
// and a spec can check that no password or session token is ever logged.

export default defineConfig({
  testDir: "e2e",
  // The specs share one broker (and one of them stops and restarts it), so they run one at a time.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: reportFile }]],
  outputDir: "test-results",
  // The first project signs up the first admin from the printed setup link and an operator and a
  // viewer through invites (e2e/accounts.setup.ts); every spec then runs signed in as the admin
  // unless it says otherwise with `test.use(signedInAs("viewer"))` (e2e/fixtures.ts).
  projects: [
    { name: "accounts-setup", testMatch: /accounts\.setup\.ts$/ },
    {
      name: "chromium",
      dependencies: ["accounts-setup"],
      use: { storageState: storageStatePath("admin") },
    },
  ],
  use: {
    baseURL: externalBaseUrl ?? `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: externalBaseUrl
    ? undefined
    : {
        command: `mkdir -p "$(dirname '${SERVER_LOG}')" && exec node_modules/.bin/next start --port ${port} --hostname 127.0.0.1 > '${SERVER_LOG}' 2>&1`,
        url: `http://127.0.0.1:${port}/api/health`,
        reuseExistingServer: false,
        timeout: 120_000,
        stdout: "ignore",
        stderr: "ignore",
        // Lag samples every 2 s instead of 15 s, so the lag-history spec sees new points quickly.
        // PORT and HOST tell the app which Host headers are its own (ALLOWED_HOSTS' default).
        env: { ...definedEnv(), LAG_SAMPLE_SECONDS: "2", PORT: String(port), HOST: "127.0.0.1" },
      },
});

function definedEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
