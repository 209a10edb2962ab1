/** The per-key methods: rolling z-score and EWMA. Their state is JSON (the runtime logs it to a changelog topic). */
import type { TStateStore } from "../../step-types";
import { numberAt, pathSegments } from "../step-values";
import type { TModelMethod } from "./config";
import type { TScorer } from "./scorer";

/** The last `windowSize` values of one key as a ring: `next` is where the next value goes once it is full. */
type TRollingValues = { values: number[]; next: number };

type TZScore = Extract<TModelMethod, { type: "zscore" }>;
type TEwma = Extract<TModelMethod, { type: "ewma" }>;

/** Unkeyed records share one series. */
const stateKey = (key: string | null) => key ?? "";

/**
 * Scores the value against the window before it is added, so a spike is measured against the
 * steady values before it. With fewer than two earlier values there is no deviation yet: z is null.
 * A window with no deviation at all makes any different value an anomaly (z is then null too).
 */
export function zscoreScorer(method: TZScore, state: TStateStore): TScorer {
  const segments = pathSegments(method.field);
  return (record, value) => {
    const x = numberAt(value, segments, method.field);
    if (typeof x === "string") return x;
    const key = stateKey(record.key);
    const series = state.get<TRollingValues>(key) ?? { values: [], next: 0 };
    const result = score(series.values, x, method.threshold);
    if (series.values.length < method.windowSize) series.values.push(x);
    else {
      series.values[series.next] = x;
      series.next = (series.next + 1) % method.windowSize;
    }
    state.put(key, series);
    return result;
  };
}

function score(values: readonly number[], x: number, threshold: number) {
  const n = values.length;
  if (n === 0) return { mean: null, stddev: null, z: null, anomaly: false };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = sum / n;
  if (n < 2) return { mean, stddev: null, z: null, anomaly: false };
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    squares += d * d;
  }
  const stddev = Math.sqrt(squares / n);
  if (stddev === 0) return { mean, stddev, z: null, anomaly: x !== mean };
  const z = (x - mean) / stddev;
  return { mean, stddev, z, anomaly: Math.abs(z) > threshold };
}

/** The forecast of the next value: the first value, then alpha·x + (1 − alpha)·previous forecast. */
export function ewmaScorer(method: TEwma, state: TStateStore): TScorer {
  const segments = pathSegments(method.field);
  return (record, value) => {
    const x = numberAt(value, segments, method.field);
    if (typeof x === "string") return x;
    const key = stateKey(record.key);
    const previous = state.get<number>(key);
    const forecast = previous === undefined ? x : method.alpha * x + (1 - method.alpha) * previous;
    state.put(key, forecast);
    return { forecast };
  };
}
