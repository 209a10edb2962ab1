/**
 * `npm run simulator -- --rate 500`: demo telemetry into a topic until Ctrl-C — keyed sensor streams
 * with occasional anomalies and malformed records (see sensor-readings.ts). The brokers come from
 * --brokers, else KAFKA_BROKERS (read through src/env.ts, like the server).
 */
import { seededRandom } from "./seeded-random";
import { parseSimulatorArgs, SIMULATOR_USAGE } from "./simulator-args";

const log = (line: string) => console.log(`[simulator] ${line}`);
const REPORT_EVERY_MS = 10_000;

const parsed = parseSimulatorArgs(process.argv.slice(2));
if (parsed.ok === "help") {
  console.log(SIMULATOR_USAGE);
  process.exit(0);
}
if (!parsed.ok) {
  console.error(`[simulator] ${parsed.message}\n${SIMULATOR_USAGE}`);
  process.exit(2);
}
const { args } = parsed;

let brokers = args.brokers;
if (brokers === null) {
  try {
    brokers = (await import("../../../src/env")).env.KAFKA_BROKERS;
  } catch (error) {
    console.error(`[simulator] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

const { runSimulator } = await import("./simulator");
const { disconnectCluster } = await import("../../../src/server/kafka/client-registry");
const target = { id: "simulator", bootstrapServers: brokers };
const controller = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => controller.abort());

const share = (value: number) => (value === 0 ? "none" : `1 in ${Math.round(1 / value).toLocaleString("en-US")}`);
let lastError = "";
let lastReport = Date.now();
let reportedTotal = 0;
try {
  const counts = await runSimulator({
    target,
    rate: args.rate,
    servers: args.servers,
    topic: args.topic,
    anomalyShare: args.anomalyShare,
    malformedShare: args.malformedShare,
    ...(args.seed === null ? {} : { random: seededRandom(args.seed) }),
    signal: controller.signal,
    onReady: () =>
      log(
        `${args.servers * 3} streams (${args.servers} servers × cpu, memory, disk) at ${args.rate} readings/s into ${args.topic} on ${brokers}; anomalies ${share(args.anomalyShare)}, malformed ${share(args.malformedShare)}. Ctrl-C stops.`,
      ),
    onError: (error) => {
      const message = error instanceof Error ? error.message : String(error);
      if (message !== lastError) log(`Kafka refused a batch: ${message} (retrying).`);
      lastError = message;
    },
    onSent: (counts) => {
      if (Date.now() - lastReport < REPORT_EVERY_MS) return;
      const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
      const perSecond = Math.round(((total - reportedTotal) * 1_000) / (Date.now() - lastReport));
      log(`${summary(counts)}; ${perSecond}/s over the last ${REPORT_EVERY_MS / 1_000} s.`);
      lastReport = Date.now();
      reportedTotal = total;
      lastError = "";
    },
  });
  log(`Stopped. ${summary(counts)}.`);
} catch (error) {
  console.error(`[simulator] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await disconnectCluster(target.id);
}

function summary(counts: Record<string, number>): string {
  const malformed = (counts["not-json"] ?? 0) + (counts["missing-value"] ?? 0) + (counts["text-value"] ?? 0);
  const total = (counts.reading ?? 0) + (counts.anomaly ?? 0) + malformed;
  return `Sent ${total.toLocaleString("en-US")} records (${(counts.anomaly ?? 0).toLocaleString("en-US")} anomalies, ${malformed.toLocaleString("en-US")} malformed)`;
}
