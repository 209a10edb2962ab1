import { describe, expect, it } from "vitest";
import { memoryHosts } from "../../../src/domain/pipelines/engine/memory-host";
import { runDocument } from "../../../src/domain/pipelines/engine/run-document";
import type { TStepRecord } from "../../../src/domain/pipelines/step-types";
import { templateById } from "../../../src/domain/pipelines/templates";
import { seededRandom } from "./seeded-random";
import { sensorStreams, type TSimulatedRecord } from "./sensor-readings";
import { DEMO_TOPIC } from "./demo-topic";

/** As the runtime decodes a JSON topic's value: parsed JSON, or the text itself when it is not JSON. */
function decoded(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function toStepRecords(records: readonly TSimulatedRecord[]): TStepRecord[] {
  return records.map((record, index) => ({
    key: record.key,
    value: decoded(record.value),
    timestamp: index,
    headers: {},
    topic: DEMO_TOPIC,
    partition: 0,
    offset: String(index),
  }));
}

describe("the simulator under the seeds' Telemetry anomalies chain", () => {
  it("gives the clean step every malformed record to dead-letter and the z-score every anomaly to flag", async () => {
    const streams = sensorStreams({ servers: 4, random: seededRandom(0x7e1e) });
    const simulated = Array.from({ length: 20_000 }, () => streams.next(new Date(0)));
    const document = templateById("telemetry-anomalies").document("Telemetry anomalies");

    const run = await runDocument(document, [{ topic: DEMO_TOPIC, records: toStepRecords(simulated) }], memoryHosts(), {
      sampleLimit: 0,
    });

    const malformed = simulated.filter((record) => record.kind !== "reading" && record.kind !== "anomaly");
    expect(run.deadLetters.map((letter) => letter.record.offset)).toEqual(
      malformed.map((record) => String(simulated.indexOf(record))),
    );
    expect(run.deadLetters.every((letter) => letter.nodeId === "clean-1")).toBe(true);

    // Flagged: the records that reached telemetry.anomalies with zscore.anomaly set. Each stream's
    // first 30 readings fill the z-score's window, so anomalies are counted after that.
    const flagged = new Set(
      run.outputs
        .filter((output) => output.topic === "telemetry.anomalies")
        .filter((output) => (output.record.value as { zscore: { anomaly: boolean } }).zscore.anomaly)
        .map((output) => Number(output.record.offset)),
    );
    const injected = simulated.flatMap((record, index) =>
      record.kind === "anomaly" && index >= 12 * 30 ? [index] : [],
    );
    expect(injected.length).toBeGreaterThan(20);
    expect(injected.filter((index) => !flagged.has(index))).toEqual([]);
    // A noisy gauge crosses |z| > 3 now and then by itself; most of what is flagged must still be real.
    const falseAlarms = [...flagged].filter((index) => index >= 12 * 30 && simulated[index]?.kind !== "anomaly");
    expect(falseAlarms.length).toBeLessThan(injected.length / 2);
  });
});
