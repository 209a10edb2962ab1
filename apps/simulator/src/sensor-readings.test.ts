import { describe, expect, it } from "vitest";
import { seededRandom } from "./seeded-random";
import {
  ANOMALY_MIN_JUMP,
  nextValue,
  readingFor,
  sensorStreams,
  streamKeys,
  type TRecordKind,
  type TSimulatedRecord,
} from "./sensor-readings";

const NOW = new Date("2026-01-01T00:00:00Z");

function simulate(count: number, options: Partial<Parameters<typeof sensorStreams>[0]> = {}): TSimulatedRecord[] {
  const streams = sensorStreams({ servers: 4, random: seededRandom(0x5eed), ...options });
  return Array.from({ length: count }, () => streams.next(NOW));
}

function countKinds(records: readonly TSimulatedRecord[]): Partial<Record<TRecordKind, number>> {
  const counts: Partial<Record<TRecordKind, number>> = {};
  for (const record of records) counts[record.kind] = (counts[record.kind] ?? 0) + 1;
  return counts;
}

describe("demo sensor streams", () => {
  it("keys one stream per server and metric, as in the seed texts", () => {
    expect(streamKeys(2)).toEqual([
      "server-1-cpu",
      "server-1-memory",
      "server-1-disk",
      "server-2-cpu",
      "server-2-memory",
      "server-2-disk",
    ]);
  });

  it("keeps a stream between 0 and 100, near its baseline", () => {
    const random = seededRandom(1);
    let value = 50;
    let farthest = 0;
    for (let step = 0; step < 10_000; step += 1) {
      value = nextValue(value, 50, random);
      farthest = Math.max(farthest, Math.abs(value - 50));
    }
    expect(farthest).toBeGreaterThan(5);
    expect(farthest).toBeLessThan(ANOMALY_MIN_JUMP / 2);
  });

  it("names the server and metric of a key in its reading", () => {
    const reading = readingFor("server-12-memory", 42.5, NOW);
    expect(reading).toEqual({ server: "server-12", metric: "memory", value: 42.5, unit: "percent", timestamp: "2026-01-01T00:00:00.000Z" });
  });

  it("gives every stream its turn and replays exactly from the same seed", () => {
    const records = simulate(24);
    expect(records.slice(0, 12).map((record) => record.key)).toEqual(streamKeys(4));
    expect(records.slice(12).map((record) => record.key)).toEqual(streamKeys(4));
    expect(simulate(500)).toEqual(simulate(500));
    expect(simulate(500, { random: seededRandom(7) })).not.toEqual(simulate(500));
  });

  it("sends about 1 anomaly in 500 readings and 1 malformed record in 200 by default", () => {
    const counts = countKinds(simulate(100_000));
    expect(counts.anomaly).toBeGreaterThan(150);
    expect(counts.anomaly).toBeLessThan(250);
    const malformed = (counts["not-json"] ?? 0) + (counts["missing-value"] ?? 0) + (counts["text-value"] ?? 0);
    expect(malformed).toBeGreaterThan(400);
    expect(malformed).toBeLessThan(600);
    for (const kind of ["not-json", "missing-value", "text-value"] as const) expect(counts[kind]).toBeGreaterThan(100);
  });

  it("follows the shares it is given, none at all included", () => {
    expect(countKinds(simulate(1_000, { anomalyShare: 0, malformedShare: 0 }))).toEqual({ reading: 1_000 });
    const counts = countKinds(simulate(10_000, { anomalyShare: 0.1, malformedShare: 0.05 }));
    expect(counts.anomaly).toBeGreaterThan(900);
    expect(counts.anomaly).toBeLessThan(1_100);
    expect(10_000 - (counts.reading ?? 0) - (counts.anomaly ?? 0)).toBeGreaterThan(400);
  });

  it("sends malformed records a cleaning step must refuse: cut-off JSON, no value, a value that is not a number", () => {
    const records = simulate(2_000, { malformedShare: 1 });
    const byKind = (kind: TRecordKind) => records.filter((record) => record.kind === kind).map((record) => record.value);
    for (const text of byKind("not-json")) expect(() => JSON.parse(text) as unknown).toThrow();
    for (const text of byKind("missing-value")) expect(JSON.parse(text)).not.toHaveProperty("value");
    for (const text of byKind("text-value")) expect(Number((JSON.parse(text) as { value: unknown }).value)).toBeNaN();
  });

  it("puts an anomaly far outside its stream's usual range and leaves the stream where it was", () => {
    const records = simulate(50_000, { anomalyShare: 0.01, malformedShare: 0 });
    const valueOf = (record: TSimulatedRecord) => (JSON.parse(record.value) as { value: number }).value;
    let checked = 0;
    records.forEach((record, index) => {
      const before = records[index - 12];
      const after = records[index + 12];
      if (record.kind !== "anomaly" || before?.kind !== "reading" || after?.kind !== "reading") return;
      // The same stream's readings just before and after (12 streams take turns).
      expect(Math.abs(valueOf(record) - valueOf(before))).toBeGreaterThan(ANOMALY_MIN_JUMP - 8);
      expect(Math.abs(valueOf(after) - valueOf(before))).toBeLessThan(8);
      expect(valueOf(record)).toBeGreaterThanOrEqual(0);
      expect(valueOf(record)).toBeLessThanOrEqual(100);
      checked += 1;
    });
    expect(checked).toBeGreaterThan(300);
  });
});
