/**
 * `npm run runner`: one runner process, on this or any machine that reaches Kafka and PostgreSQL
 * (DATABASE_URL, TRIBUTARY_SECRET_KEY and KAFKA_BROKERS as for the web server). SIGINT/SIGTERM stop it gracefully.
 */
import { startRunner } from "./runner";

const runner = await startRunner({ log: (line) => console.log(line) });
console.log(`Runner ${runner.id} started.`);
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log("Runner stopping: finishing the batches in flight…");
    void runner.stop().then(() => process.exit(0));
  });
}
