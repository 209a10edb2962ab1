/**
 * What the runtime spec starts besides the browser: pipeline runners as real processes (exactly
 * what `npm run runner` starts, on the run's DATABASE_URL, KAFKA_BROKERS and TRIBUTARY_SECRET_KEY),
 * and a steady feed of keyed sensor readings — the simulator's own streams — into a topic.
 */
import { sensorStreams } from "../apps/simulator/src/sensor-readings";
import { seededRandom } from "../apps/simulator/src/seeded-random";
import { spawnRunner, type TRunnerProcess } from "../scripts/lib/runner-process";
import { withOutsideProducer } from "./fixtures";

export type TE2eRunner = TRunnerProcess & {
  /** Its output so far, for a failure message. */
  output(): string;
  /** Whether it has exited (after stop(), or by itself). */
  hasExited(): boolean;
};

/** A runner process of its own; `stop()` sends SIGTERM (a graceful stop) and waits for it to exit. */
export function startRunnerProcess(label: string): TE2eRunner {
  const lines: string[] = [];
  const { DATABASE_URL, KAFKA_BROKERS, TRIBUTARY_SECRET_KEY } = process.env;
  if (!DATABASE_URL || !KAFKA_BROKERS)
    throw new Error("DATABASE_URL and KAFKA_BROKERS are not set; run the e2e tests through `npm test`.");
  let exited = false;
  const runner = spawnRunner(
    { DATABASE_URL, KAFKA_BROKERS, ...(TRIBUTARY_SECRET_KEY ? { TRIBUTARY_SECRET_KEY } : {}) },
    { log: (line) => lines.push(`[${label}] ${line}`), onExit: () => (exited = true) },
  );
  return { ...runner, output: () => lines.join("\n"), hasExited: () => exited };
}

export type TTelemetryFeed = {
  /** Records acknowledged so far. */
  sent(): number;
  stop(): Promise<void>;
};

/**
 * Keyed readings of 4 servers (12 streams) at `ratePerSecond` until stopped, with the given share
 * of malformed records (so the dead-letter edge has a rate too). Seeded: a failure replays.
 */
export async function startTelemetryFeed(
  topic: string,
  options: { ratePerSecond: number; malformedShare: number },
): Promise<TTelemetryFeed> {
  const streams = sensorStreams({ servers: 4, malformedShare: options.malformedShare, random: seededRandom(0xe2e) });
  const tickMs = 200;
  const perTick = Math.max(1, Math.round((options.ratePerSecond * tickMs) / 1_000));
  let sent = 0;
  let stopped = false;
  const feeding = withOutsideProducer(async (producer) => {
    while (!stopped) {
      const now = new Date();
      const messages = Array.from({ length: perTick }, () => streams.next(now)).map(({ key, value }) => ({
        key,
        value,
      }));
      await producer.send({ topic, messages });
      sent += messages.length;
      // A steady feed, not a test of timing: the pace only keeps the rates on the graph above zero.
      await new Promise((resolve) => setTimeout(resolve, tickMs));
    }
  });
  // Its failure (if any) surfaces from stop(); meanwhile the rates on the graph say it stopped.
  feeding.catch(() => undefined);
  return {
    sent: () => sent,
    stop: async () => {
      stopped = true;
      await feeding;
    },
  };
}
