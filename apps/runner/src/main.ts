/**
 * `npm run runner`: one runner process, on this or any machine that reaches Kafka and PostgreSQL
 * (DATABASE_URL, TRIBUTARY_SECRET_KEY and KAFKA_BROKERS as for the web server). SIGINT/SIGTERM stop it gracefully.
 */
import { AppError } from "~/lib/app-error";
import { startRunner, type TRunner } from "./runner";

const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);

let runner: TRunner;
try {
  runner = await startRunner({ log });
} catch (error) {
  // A sentence and what to do, not a stack: the usual cause is a database that is not up yet.
  console.error(`The runner could not start: ${startFailure(error)}`);
  process.exit(1);
}
log(`Runner ${runner.id} started.`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log("Runner stopping: finishing the batches in flight…");
    void runner.stop().then(() => process.exit(0));
  });
}

function startFailure(error: unknown): string {
  if (error instanceof AppError && error.code === "DATABASE_UNREACHABLE") {
    return `${error.message} Check that PostgreSQL is running and that DATABASE_URL points at it, then start the runner again.`;
  }
  if (error instanceof AppError) return `${error.message} ${error.hint ?? ""}`.trim();
  return error instanceof Error ? error.message : String(error);
}
