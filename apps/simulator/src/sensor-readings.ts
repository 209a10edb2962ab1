/**
 * Demo telemetry in the shape of the seed texts: one stream per server and metric, keyed
 * `server-1-cpu`, `server-1-memory`, … Kafka's default partitioner sends every reading of one key to
 * the same partition, so each stream stays in order. Now and then a reading is an anomaly (a spike
 * far outside the stream's usual range) or malformed (what a broken sensor or agent sends), so the
 * seeds' chain has something to flag and something to dead-letter.
 */

export const METRICS = ["cpu", "memory", "disk"] as const;
export type TMetric = (typeof METRICS)[number];

export type TSensorReading = { server: string; metric: TMetric; value: number; unit: string; timestamp: string };

/** What a record is, for the simulator's own counts and for tests; never sent to Kafka. */
export const MALFORMED_KINDS = ["not-json", "missing-value", "text-value"] as const;
export type TMalformedKind = (typeof MALFORMED_KINDS)[number];
export type TRecordKind = "reading" | "anomaly" | TMalformedKind;

export type TSimulatedRecord = { key: string; value: string; kind: TRecordKind };

export type TSensorStreamsOptions = {
  servers: number;
  /** Share of readings that are anomalies, from 0 to 1 (default 1 in 500). */
  anomalyShare?: number;
  /** Share of records that are malformed, from 0 to 1 (default 1 in 200). */
  malformedShare?: number;
  /** Math.random, or seededRandom(…) for a stream that can be replayed. */
  random?: () => number;
};

export const DEFAULT_ANOMALY_SHARE = 1 / 500;
export const DEFAULT_MALFORMED_SHARE = 1 / 200;

/**
 * How far an anomaly lands from the stream's current value. A stream's readings have a standard
 * deviation of about 2 (see nextValue), so 35 is far outside its usual range: the template's rolling
 * z-score (|z| > 3 over 30 readings) flags it even with an earlier spike still in its window.
 */
export const ANOMALY_MIN_JUMP = 35;
const ANOMALY_EXTRA_JUMP = 15;

const UNITS: Record<TMetric, string> = { cpu: "percent", memory: "percent", disk: "MB/s" };

export function streamKeys(serverCount: number): string[] {
  return Array.from({ length: serverCount }, (_, index) => `server-${index + 1}`).flatMap((server) =>
    METRICS.map((metric) => `${server}-${metric}`),
  );
}

/**
 * Next value of a random walk pulled halfway back towards the stream's baseline: a noisy gauge
 * (standard deviation about 2, rarely more than ±8 from the baseline), against which a spike stands
 * out. A looser pull let the walk wander so far that the rolling z-score flagged more of the walk
 * than of the spikes.
 */
export function nextValue(previous: number, baseline: number, random: () => number): number {
  const drift = (random() - 0.5) * 6;
  const pull = (baseline - previous) * 0.5;
  return round(clamp(previous + drift + pull));
}

/** A spike of 35–50 towards whichever end (0 or 100) has more room, so it is never cut short. */
export function spikeFrom(value: number, random: () => number): number {
  const jump = ANOMALY_MIN_JUMP + random() * ANOMALY_EXTRA_JUMP;
  return round(value < 50 ? value + jump : value - jump);
}

export function readingFor(key: string, value: number, now: Date): TSensorReading {
  const metric = METRICS.find((candidate) => key.endsWith(`-${candidate}`)) ?? "cpu";
  const server = key.slice(0, key.length - metric.length - 1);
  return { server, metric, value, unit: UNITS[metric], timestamp: now.toISOString() };
}

/** What a broken agent sends instead of a reading: cut-off JSON, no value, or a value that is not a number. */
export function malformedValue(kind: TMalformedKind, reading: TSensorReading): string {
  switch (kind) {
    case "not-json":
      return JSON.stringify(reading).slice(0, 30);
    case "missing-value": {
      const { value: _value, ...rest } = reading;
      return JSON.stringify(rest);
    }
    case "text-value":
      return JSON.stringify({ ...reading, value: "n/a" });
  }
}

/**
 * The streams of `servers` servers, keys in turn so every stream gets readings at the same pace.
 * Each stream keeps its own baseline (25–65) and current value; an anomaly does not move the
 * stream, so the readings after a spike are back in the usual range.
 */
export function sensorStreams(options: TSensorStreamsOptions): { next(now: Date): TSimulatedRecord } {
  const {
    servers,
    anomalyShare = DEFAULT_ANOMALY_SHARE,
    malformedShare = DEFAULT_MALFORMED_SHARE,
    random = Math.random,
  } = options;
  const keys = streamKeys(servers);
  const streams = keys.map((key) => {
    const baseline = 25 + random() * 40;
    return { key, baseline, value: round(baseline) };
  });
  let cursor = 0;
  return {
    next(now) {
      const stream = streams[cursor++ % streams.length]!;
      stream.value = nextValue(stream.value, stream.baseline, random);
      const roll = random();
      if (roll < malformedShare) {
        const kind = MALFORMED_KINDS[Math.floor(random() * MALFORMED_KINDS.length)] ?? "not-json";
        return { key: stream.key, value: malformedValue(kind, readingFor(stream.key, stream.value, now)), kind };
      }
      const isAnomaly = roll < malformedShare + anomalyShare;
      const value = isAnomaly ? spikeFrom(stream.value, random) : stream.value;
      return {
        key: stream.key,
        value: JSON.stringify(readingFor(stream.key, value, now)),
        kind: isAnomaly ? "anomaly" : "reading",
      };
    },
  };
}

function clamp(value: number): number {
  return Math.min(100, Math.max(0, value));
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
