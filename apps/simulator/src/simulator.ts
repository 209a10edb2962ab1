import { ensureTopic } from "../../../src/server/kafka/ensure-topic";
import { produceRecords } from "../../../src/server/kafka/produce";
import type { ClusterTarget } from "../../../src/server/kafka/client-registry";
import { pause } from "./pause";
import { nextValue, readingFor, streamKeys } from "./sensor-readings";

export const DEMO_TOPIC = "telemetry.raw";

export type TSimulatorOptions = {
  target: ClusterTarget;
  /** Messages per second across all streams. */
  rate: number;
  servers?: number;
  topic?: string;
  signal: AbortSignal;
  onError?: (error: unknown) => void;
  /** Called once the topic exists, before the first reading. */
  onReady?: () => void;
};

/**
 * Produces demo telemetry until `signal` aborts: a batch every 200 ms, keys in turn, so every
 * stream gets readings at the same pace. Produce errors (a broker restart) are reported and retried
 * on the next tick rather than ending the stream.
 */
export async function runSimulator(options: TSimulatorOptions): Promise<void> {
  const { target, rate, servers = 4, topic = DEMO_TOPIC, signal, onError, onReady } = options;
  await ensureTopic(target, { name: topic, partitions: 6, configs: { "retention.ms": String(24 * 3_600_000) } });
  onReady?.();
  const keys = streamKeys(servers);
  const values = new Map(keys.map((key) => [key, 30 + Math.random() * 40]));
  const tickMs = 200;
  let cursor = 0;
  let owed = 0;
  while (!signal.aborted) {
    owed += (rate * tickMs) / 1_000;
    const count = Math.floor(owed);
    owed -= count;
    const now = new Date();
    const records = Array.from({ length: count }, () => {
      const key = keys[cursor++ % keys.length]!;
      const value = nextValue(values.get(key) ?? 50, Math.random);
      values.set(key, value);
      return { key, value: JSON.stringify(readingFor(key, value, now)) };
    });
    if (records.length > 0) await produceRecords(target, topic, records).catch((error: unknown) => onError?.(error));
    await pause(tickMs, signal);
  }
}
