import { ensureTopic } from "../../../src/server/kafka/ensure-topic";
import { produceRecords } from "../../../src/server/kafka/produce";
import type { ClusterTarget } from "../../../src/server/kafka/client-registry";
import { DEMO_PARTITIONS, DEMO_TOPIC } from "./demo-topic";
import { pause } from "./pause";
import { sensorStreams, type TRecordKind } from "./sensor-readings";

export type TSimulatorCounts = Record<TRecordKind, number>;

export type TSimulatorOptions = {
  target: ClusterTarget;
  /** Messages per second across all streams. */
  rate: number;
  servers?: number;
  topic?: string;
  /** Share of anomalies and of malformed records (sensorStreams' defaults: 1 in 500, 1 in 200). */
  anomalyShare?: number;
  malformedShare?: number;
  /** For a replayable stream (seededRandom); Math.random by default. */
  random?: () => number;
  signal: AbortSignal;
  onError?: (error: unknown) => void;
  /** Called once the topic exists, before the first reading. */
  onReady?: () => void;
  /** After each batch Kafka acknowledged: what has been sent so far. */
  onSent?: (counts: Readonly<TSimulatorCounts>) => void;
};

const TICK_MS = 200;
/** After an outage the simulator sends at most this much backlog at once, not everything it missed. */
const MAX_CATCH_UP_MS = 1_000;

/**
 * Produces demo telemetry until `signal` aborts: a batch every 200 ms, sized by the time since the
 * last one, so a slow acknowledgement does not lower the rate. Produce errors (a broker restart) are
 * reported and retried on the next tick rather than ending the stream.
 */
export async function runSimulator(options: TSimulatorOptions): Promise<TSimulatorCounts> {
  const { target, rate, servers = 4, topic = DEMO_TOPIC, signal, onError, onReady, onSent } = options;
  await ensureTopic(target, {
    name: topic,
    partitions: DEMO_PARTITIONS,
    configs: { "retention.ms": String(24 * 3_600_000) },
  });
  onReady?.();
  const streams = sensorStreams({ servers, ...options });
  const counts: TSimulatorCounts = { reading: 0, anomaly: 0, "not-json": 0, "missing-value": 0, "text-value": 0 };
  let last = Date.now();
  let owed = 0;
  while (!signal.aborted) {
    const now = Date.now();
    owed += (rate * Math.min(now - last, MAX_CATCH_UP_MS)) / 1_000;
    last = now;
    const count = Math.floor(owed);
    owed -= count;
    const timestamp = new Date(now);
    const batch = Array.from({ length: count }, () => streams.next(timestamp));
    if (batch.length > 0) {
      try {
        await produceRecords(
          target,
          topic,
          batch.map(({ key, value }) => ({ key, value })),
        );
        for (const record of batch) counts[record.kind] += 1;
        onSent?.(counts);
      } catch (error) {
        onError?.(error);
      }
    }
    await pause(TICK_MS, signal);
  }
  return counts;
}
