/** The hand-written loops of the stateful steps (window, z-score) for bench/pipeline-steps.ts. */
import type { TStepRecord } from "../src/domain/pipelines/step-types";
import type { TBaseline } from "./pipeline-steps-baselines";

type TWritten = ReturnType<TBaseline["loop"]>[number];
type TReading = { value: unknown };
const DEAD = "telemetry.dead-letter";
const WINDOW_MS = 60_000;

function closeWindow(key: string | null, start: number, values: number[], last: TStepRecord): TWritten {
  let sum = 0;
  for (const x of values) sum += x;
  const sorted = Float64Array.from(values).sort();
  const value = {
    windowStart: new Date(start).toISOString(),
    windowEnd: new Date(start + WINDOW_MS).toISOString(),
    count: values.length,
    avg: sum / values.length,
    p95: sorted[Math.max(0, Math.ceil(0.95 * values.length) - 1)],
  };
  return {
    topic: "telemetry.out",
    record: { ...last, key, value, timestamp: start + WINDOW_MS, headers: {} },
    reason: null,
  };
}

const window: TBaseline = {
  name: "window",
  kind: "window",
  config: { window: { type: "tumbling", sizeMs: WINDOW_MS }, field: "value", aggregates: ["count", "avg", "p95"] },
  ports: ["out"],
  loop: (records) => {
    const written: TWritten[] = [];
    const open = new Map<string | null, { start: number; values: number[]; last: TStepRecord }>();
    let streamTime = Number.NEGATIVE_INFINITY;
    let nextClose = Number.POSITIVE_INFINITY;
    const closeDue = (now: number) => {
      nextClose = Number.POSITIVE_INFINITY;
      for (const [key, w] of open) {
        if (w.start + WINDOW_MS <= now) {
          written.push(closeWindow(key, w.start, w.values, w.last));
          open.delete(key);
        } else nextClose = Math.min(nextClose, w.start + WINDOW_MS);
      }
    };
    for (const record of records) {
      const x = (record.value as TReading).value;
      if (typeof x !== "number") {
        written.push({ topic: DEAD, record, reason: "The field value is not a number." });
        continue;
      }
      streamTime = Math.max(streamTime, record.timestamp);
      const start = Math.floor(record.timestamp / WINDOW_MS) * WINDOW_MS;
      let w = open.get(record.key);
      if (w && w.start !== start) {
        written.push(closeWindow(record.key, w.start, w.values, w.last));
        w = undefined;
      }
      if (!w) {
        w = { start, values: [], last: record };
        open.set(record.key, w);
        nextClose = Math.min(nextClose, start + WINDOW_MS);
      }
      w.values.push(x);
      w.last = record;
      if (streamTime >= nextClose) closeDue(streamTime);
    }
    closeDue(Number.POSITIVE_INFINITY);
    return written;
  },
};

const SIZE = 30;
const zscore: TBaseline = {
  name: "model z-score",
  kind: "model",
  config: { method: { type: "zscore", field: "value", windowSize: SIZE, threshold: 3 } },
  ports: ["out"],
  loop: (records) => {
    const written: TWritten[] = [];
    const series = new Map<string | null, { values: number[]; next: number }>();
    for (const record of records) {
      const reading = record.value as TReading;
      const x = reading.value;
      if (typeof x !== "number") {
        written.push({ topic: DEAD, record, reason: "The field value is not a number." });
        continue;
      }
      let s = series.get(record.key);
      if (!s) series.set(record.key, (s = { values: [], next: 0 }));
      const n = s.values.length;
      let model: object;
      if (n < 2) model = { mean: n === 0 ? null : s.values[0], stddev: null, z: null, anomaly: false };
      else {
        let sum = 0;
        for (const v of s.values) sum += v;
        const mean = sum / n;
        let squares = 0;
        for (const v of s.values) squares += (v - mean) * (v - mean);
        const stddev = Math.sqrt(squares / n);
        const z = stddev === 0 ? null : (x - mean) / stddev;
        model = { mean, stddev, z, anomaly: z === null ? x !== mean : Math.abs(z) > 3 };
      }
      if (n < SIZE) s.values.push(x);
      else {
        s.values[s.next] = x;
        s.next = (s.next + 1) % SIZE;
      }
      written.push({ topic: "telemetry.out", record: { ...record, value: { ...reading, model } }, reason: null });
    }
    return written;
  },
};

export const STATEFUL_BASELINES: readonly TBaseline[] = [window, zscore];
