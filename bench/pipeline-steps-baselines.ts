/**
 * The hand-written loops of bench/pipeline-steps.ts: each does what one step's config says, in
 * plain JavaScript, and collects what it writes (records to topics, dead letters to theirs) the
 * way the engine's `outputs` do, so the two can be checked against each other.
 */
import type { TStepRecord } from "../src/domain/pipelines/step-types";

type TWritten = { topic: string; record: TStepRecord; reason: string | null };
export type TBaseline = {
  name: string;
  kind: "filter" | "map" | "clean" | "route" | "enrich" | "window" | "model";
  config: unknown;
  /** The step's output ports wired to topics `telemetry.<port>`. */
  ports: string[];
  loop: (records: readonly TStepRecord[], tables: Record<string, ReadonlyMap<string, unknown>>) => TWritten[];
};
type TReading = { server: string; metric: string; value: unknown; unit?: string; region?: string | null };

const DEAD = "telemetry.dead-letter";
const copy = (record: TStepRecord, value: unknown): TStepRecord => ({ ...record, value });

const filter: TBaseline = {
  name: "filter",
  kind: "filter",
  config: { predicate: 'value > 90 and metric = "cpu"' },
  ports: ["out"],
  loop: (records) => {
    const written: TWritten[] = [];
    for (const record of records) {
      const v = record.value as TReading;
      // jsonata refuses to compare text with a number: the engine dead-letters those records.
      if (typeof v.value === "string") written.push({ topic: DEAD, record, reason: "The expression failed." });
      else if (typeof v.value === "number" && v.value > 90 && v.metric === "cpu") {
        written.push({ topic: "telemetry.out", record, reason: null });
      }
    }
    return written;
  },
};

const map: TBaseline = {
  name: "map",
  kind: "map",
  config: { expression: '{ "host": server, "cpu": value }' },
  ports: ["out"],
  loop: (records) =>
    records.map((record) => {
      const v = record.value as TReading;
      return { topic: "telemetry.out", record: copy(record, { host: v.server, cpu: v.value }), reason: null };
    }),
};

const clean: TBaseline = {
  name: "clean",
  kind: "clean",
  config: { dropFields: ["unit"], dropNulls: true, coerce: [{ field: "value", to: "number" }] },
  ports: ["out"],
  loop: (records) => {
    const written: TWritten[] = [];
    for (const record of records) {
      const { unit: _unit, ...rest } = record.value as TReading;
      if (rest.region === null) delete rest.region;
      const n = typeof rest.value === "number" ? rest.value : Number(rest.value);
      if (!Number.isFinite(n)) {
        written.push({ topic: DEAD, record, reason: `The field value could not be made a number.` });
        continue;
      }
      written.push({ topic: "telemetry.out", record: copy(record, { ...rest, value: n }), reason: null });
    }
    return written;
  },
};

const route: TBaseline = {
  name: "route",
  kind: "route",
  config: {
    routes: [
      { name: "critical", predicate: "value > 95" },
      { name: "high", predicate: "value > 80" },
    ],
  },
  ports: ["critical", "high", "default"],
  loop: (records) =>
    records.map((record) => {
      const v = (record.value as TReading).value;
      if (typeof v === "string") return { topic: DEAD, record, reason: "The expression failed." };
      const port = typeof v === "number" && v > 95 ? "critical" : typeof v === "number" && v > 80 ? "high" : "default";
      return { topic: `telemetry.${port}`, record, reason: null };
    }),
};

const enrich: TBaseline = {
  name: "enrich",
  kind: "enrich",
  config: { as: "server_info", missing: "drop" },
  ports: ["out"],
  loop: (records, tables) => {
    const written: TWritten[] = [];
    const table = tables["servers.state"]!;
    for (const record of records) {
      const row = record.key === null ? undefined : table.get(record.key);
      if (row === undefined) continue;
      written.push({
        topic: "telemetry.out",
        record: copy(record, { ...(record.value as object), server_info: row }),
        reason: null,
      });
    }
    return written;
  },
};

const logistic: TBaseline = {
  name: "model logistic",
  kind: "model",
  config: { method: { type: "logistic", features: [{ field: "value", weight: 0.08 }], intercept: -6, threshold: 0.5 } },
  ports: ["out"],
  loop: (records) =>
    records.map((record) => {
      const reading = record.value as TReading;
      if (typeof reading.value !== "number") return { topic: DEAD, record, reason: "The field value is not a number." };
      const probability = 1 / (1 + Math.exp(-(-6 + 0.08 * reading.value)));
      const value = { ...reading, model: { probability, label: probability >= 0.5 } };
      return { topic: "telemetry.out", record: copy(record, value), reason: null };
    }),
};

export const BASELINES: readonly TBaseline[] = [filter, map, clean, route, enrich, logistic];
