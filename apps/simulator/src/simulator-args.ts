/** The command line of `npm run simulator -- …`, read into options or the sentence that says what is wrong. */
import { DEFAULT_ANOMALY_SHARE, DEFAULT_MALFORMED_SHARE } from "./sensor-readings";
import { DEMO_TOPIC } from "./demo-topic";

export type TSimulatorArgs = {
  rate: number;
  servers: number;
  topic: string;
  anomalyShare: number;
  malformedShare: number;
  /** KAFKA_BROKERS when absent. */
  brokers: string | null;
  /** A replayable stream; Math.random when absent. */
  seed: number | null;
};

export type TParsedSimulatorArgs = { ok: true; args: TSimulatorArgs } | { ok: false; message: string } | { ok: "help" };

export const SIMULATOR_USAGE = [
  "Usage: npm run simulator -- [options]",
  "  --rate <n>          readings per second across all streams (default 50)",
  "  --servers <n>       servers to simulate; each has a cpu, memory and disk stream (default 4)",
  `  --topic <name>      topic to produce to, created with 6 partitions if missing (default ${DEMO_TOPIC})`,
  "  --anomalies <share> share of readings that spike far outside their stream's range, e.g. 1/500 or 0.002",
  "  --malformed <share> share of records that are malformed (cut-off JSON, no value, value 'n/a'), e.g. 1/200",
  "  --brokers <list>    bootstrap brokers (default KAFKA_BROKERS, else 127.0.0.1:9092)",
  "  --seed <n>          replay the same stream every time",
].join("\n");

const MAX_RATE = 100_000;
const MAX_SERVERS = 1_000;

export function parseSimulatorArgs(argv: readonly string[]): TParsedSimulatorArgs {
  const args: TSimulatorArgs = {
    rate: 50,
    servers: 4,
    topic: DEMO_TOPIC,
    anomalyShare: DEFAULT_ANOMALY_SHARE,
    malformedShare: DEFAULT_MALFORMED_SHARE,
    brokers: null,
    seed: null,
  };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? "";
    if (arg === "--help" || arg === "-h") return { ok: "help" };
    if (!arg.startsWith("--")) return { ok: false, message: `Unexpected '${arg}': options start with --.` };
    const [name = "", inlineValue] = arg.split(/=(.*)/s, 2);
    const value = inlineValue ?? argv[++index];
    if (value === undefined || value === "") return { ok: false, message: `${name} needs a value.` };
    const problem = apply(args, name, value);
    if (problem) return { ok: false, message: problem };
  }
  if (args.anomalyShare + args.malformedShare > 1) {
    return { ok: false, message: "--anomalies and --malformed add up to more than every record." };
  }
  return { ok: true, args };
}

/** Sets one option; returns a sentence when its value does not fit. */
function apply(args: TSimulatorArgs, name: string, value: string): string | null {
  switch (name) {
    case "--rate":
      return setNumber(
        value,
        0,
        MAX_RATE,
        (rate) => (args.rate = rate),
        `--rate takes readings per second from 0 to ${MAX_RATE}`,
      );
    case "--servers":
      return setNumber(
        value,
        1,
        MAX_SERVERS,
        (servers) => (args.servers = Math.round(servers)),
        `--servers takes a number from 1 to ${MAX_SERVERS}`,
      );
    case "--anomalies":
    case "--malformed": {
      const share = parseShare(value);
      if (share === null) return `${name} takes a share from 0 to 1, such as 1/500 or 0.002 (got ${value}).`;
      if (name === "--anomalies") args.anomalyShare = share;
      else args.malformedShare = share;
      return null;
    }
    case "--topic":
      args.topic = value;
      return null;
    case "--brokers":
      if (!value.split(",").every((entry) => /^[^\s:,]+:\d{1,5}$/.test(entry.trim()))) {
        return `--brokers takes host:port[,host:port…], e.g. 127.0.0.1:9092 (got ${value}).`;
      }
      args.brokers = value;
      return null;
    case "--seed":
      return setNumber(value, 0, 2 ** 32 - 1, (seed) => (args.seed = Math.round(seed)), "--seed takes a whole number");
    default:
      return `There is no option ${name}; see --help.`;
  }
}

function setNumber(value: string, min: number, max: number, set: (n: number) => void, sentence: string): string | null {
  const number = Number(value);
  if (!Number.isFinite(number) || number < min || number > max) return `${sentence} (got ${value}).`;
  set(number);
  return null;
}

/** "1/500", "0.002" or "0": a share from 0 to 1, or null. */
export function parseShare(text: string): number | null {
  const fraction = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)\s*$/.exec(text);
  const share = fraction ? Number(fraction[1]) / Number(fraction[2]) : text.trim() === "" ? NaN : Number(text);
  return Number.isFinite(share) && share >= 0 && share <= 1 ? share : null;
}
