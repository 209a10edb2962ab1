import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_BASE_PORT, readKafkaStatus, startKafka, stopKafkaFromState, type RunningKafka } from "./cluster";
import { displayPath as shown, nodeLogFile, SCRAM_MECHANISMS, type BrokerCount } from "./config";
import { KafkaLocalError } from "./errors";
import { KAFKA_VERSION } from "./jars";
import { probeMetadata } from "./probe";
import type { SecuredListenersState } from "./state";

const USAGE =
  "Usage: npm run kafka -- start|stop|status [--brokers 1|3] [--base-port N] [--data-dir DIR] [--foreground] [--clean] [--secured|--plain]";

type CliOptions = {
  brokers: BrokerCount;
  basePort: number;
  dataDir: string;
  foreground: boolean;
  clean: boolean;
  /** --secured / --plain; neither: as the data dir's last start. */
  secured: boolean | undefined;
};

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      brokers: { type: "string" },
      "base-port": { type: "string" },
      "data-dir": { type: "string" },
      foreground: { type: "boolean", default: false },
      clean: { type: "boolean", default: false },
      secured: { type: "boolean", default: false },
      plain: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const command = positionals[0];
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  const brokers = parseBrokers(values.brokers);
  if (values.secured && values.plain) throw new KafkaLocalError(`Choose --secured or --plain, not both. ${USAGE}`);
  const options: CliOptions = {
    brokers,
    basePort: parseBasePort(values["base-port"]),
    // Separate default dirs so a 1-node and a 3-node quorum never share storage.
    dataDir: values["data-dir"] ?? (brokers === 3 ? ".data/kafka-local-3" : ".data/kafka-local"),
    foreground: values.foreground,
    clean: values.clean,
    secured: values.secured ? true : values.plain ? false : undefined,
  };
  if (command === "start") await start(options);
  else if (command === "stop") await stop(options);
  else if (command === "status") await status(options);
  else throw new KafkaLocalError(`Unknown command "${command}". ${USAGE}`);
}

async function start(options: CliOptions): Promise<void> {
  const current = await readKafkaStatus(options.dataDir);
  if (current.running && !options.foreground) {
    console.log(`Kafka from ${shown(options.dataDir)} is already running at ${current.bootstrapServers ?? "?"}.`);
    return;
  }
  const startedAt = Date.now();
  const kafka = await startKafka({
    brokers: options.brokers,
    basePort: options.basePort,
    dataDir: options.dataDir,
    clean: options.clean,
    detached: !options.foreground,
    secured: options.secured,
  });
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  const count = `${kafka.brokers.length} broker${kafka.brokers.length === 1 ? "" : "s"}`;
  console.log(`Kafka ${KAFKA_VERSION} is ready (${count}, ${seconds} s): ${kafka.bootstrapServers}`);
  if (kafka.secured) printSecuredListeners(kafka.secured);
  console.log(`Logs: ${shown(resolve(options.dataDir, "logs"))}/`);
  if (options.foreground) await runUntilSignal(kafka);
  else console.log(`Stop it with: npm run kafka -- stop${options.brokers === 3 ? " --brokers 3" : ""}`);
}

/** Foreground mode: Ctrl-C or SIGTERM stops the brokers gracefully; a second signal kills them. */
function runUntilSignal(kafka: RunningKafka): Promise<void> {
  console.log("Press Ctrl-C to stop.");
  return new Promise((resolvePromise, reject) => {
    let stopping = false;
    const onSignal = () => {
      if (stopping) process.exit(130); // the attached-broker guard SIGKILLs them on exit
      stopping = true;
      console.log("Stopping Kafka…");
      kafka.stop().then(() => {
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
        console.log("Kafka stopped.");
        resolvePromise();
      }, reject);
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  });
}

async function stop(options: CliOptions): Promise<void> {
  const stopped = await stopKafkaFromState(options.dataDir);
  console.log(
    stopped ? `Kafka from ${shown(options.dataDir)} stopped.` : `No Kafka from ${shown(options.dataDir)} is running.`,
  );
}

async function status(options: CliOptions): Promise<void> {
  const current = await readKafkaStatus(options.dataDir);
  if (!current.running) {
    console.log(`Kafka from ${shown(options.dataDir)} is not running.`);
    return;
  }
  console.log(`Kafka from ${shown(options.dataDir)} is running: ${current.bootstrapServers ?? "?"}`);
  if (current.secured) printSecuredListeners(current.secured);
  for (const broker of current.brokers) {
    // Ask each broker itself, so "running" also shows whether it answers clients.
    const answer = await probeMetadata(broker.host, broker.port, 2_000).then(
      (metadata) =>
        `answers; sees brokers ${metadata.brokers
          .map((b) => b.nodeId)
          .sort((a, b) => a - b)
          .join(",")}, cluster ${metadata.clusterId ?? "?"}`,
      () => "does not answer metadata requests",
    );
    const log = shown(nodeLogFile(resolve(options.dataDir), broker.nodeId));
    console.log(`  node ${broker.nodeId}  ${broker.host}:${broker.port}  pid ${broker.pid}  ${answer}  (log ${log})`);
  }
}

/** The password stays in its file: a terminal's scrollback and CI logs are not the place for it. */
function printSecuredListeners(secured: SecuredListenersState): void {
  console.log(
    `SCRAM (SASL_PLAINTEXT, ${SCRAM_MECHANISMS.join(" or ")}): ${secured.scramBootstrapServers}, user ${secured.scramUsername}, password in ${shown(secured.scramUserFile)}`,
  );
  console.log(`TLS (SSL): ${secured.tlsBootstrapServers}, trust the CA certificate ${shown(secured.caFile)}`);
}

function parseBrokers(value: string | undefined): BrokerCount {
  if (value === undefined || value === "1") return 1;
  if (value === "3") return 3;
  throw new KafkaLocalError(`--brokers must be 1 or 3, not "${value}".`);
}

function parseBasePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_BASE_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1024 || port > 65_530) {
    throw new KafkaLocalError(`--base-port must be a whole number from 1024 to 65530, not "${value}".`);
  }
  return port;
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    const isUsageError = String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS");
    if (error instanceof KafkaLocalError) console.error(message);
    else if (isUsageError) console.error(`${message.split(". ")[0]}. ${USAGE}`);
    else console.error(`Local Kafka failed: ${message}`);
    process.exit(1);
  },
);
