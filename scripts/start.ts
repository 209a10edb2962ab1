/**
 * `npm start` / `npm run dev`: the whole embedded default in one command — local Kafka (unless
 * KAFKA_BROKERS points elsewhere), PostgreSQL (embedded unless DATABASE_URL is set), migrations, and
 * the web app. Ctrl-C stops everything this command started.
 */
import { loadEnvOrExit } from "./lib/load-env";

const env = await loadEnvOrExit("[tributary]");
const { runApp } = await import("./lib/app-runner");
runApp(env, process.argv.includes("--dev"));
