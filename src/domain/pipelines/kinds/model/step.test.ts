import { describe, expect, it } from "vitest";
import { recordOf, runStep } from "../../engine/step-test-kit";
import type { TLoadedModel } from "../../step-types";

const valueOf = (key: string, value: unknown, timestamp = 0) => recordOf({ value }, { key, timestamp });
const results = (emitted: Awaited<ReturnType<typeof runStep>>) =>
  emitted.map((e) => (e.port === "out" ? (e.value as { model: Record<string, unknown> }).model : e.reason));

describe("the model step", () => {
  it("flags a spike after a steady run per key, scoring against the window before the value", async () => {
    const config = { method: { type: "zscore", field: "value", windowSize: 5, threshold: 3 } };
    const steady = [10, 10.2, 9.8, 10.1, 9.9, 10];
    const records = [
      ...steady.map((v) => valueOf("server-1-cpu", v)),
      valueOf("server-2-cpu", 50),
      valueOf("server-1-cpu", 30),
      valueOf("server-2-cpu", 51),
    ];
    const scored = results(await runStep("model", config, records)) as { z: number | null; anomaly: boolean }[];
    expect(scored.slice(0, 2).map((s) => s.z)).toEqual([null, null]);
    expect(scored.slice(0, 6).every((s) => !s.anomaly)).toBe(true);
    // server-2's first values start its own window: no anomaly although server-1 is near 10.
    expect(scored[6]).toMatchObject({ z: null, anomaly: false });
    expect(scored[7]!.anomaly).toBe(true);
    expect(scored[7]!.z).toBeGreaterThan(50);
    expect(scored[8]).toMatchObject({ z: null, anomaly: false, mean: 50 });
  });

  it("calls any change after identical values an anomaly (no deviation to divide by)", async () => {
    const config = { method: { type: "zscore", field: "value", windowSize: 3, threshold: 3 } };
    const scored = results(
      await runStep(
        "model",
        config,
        [1, 1, 1, 1, 2].map((v) => valueOf("k", v)),
      ),
    );
    expect(scored.slice(2)).toEqual([
      { mean: 1, stddev: 0, z: null, anomaly: false },
      { mean: 1, stddev: 0, z: null, anomaly: false },
      { mean: 1, stddev: 0, z: null, anomaly: true },
    ]);
  });

  it("forecasts with an EWMA per key", async () => {
    const config = { method: { type: "ewma", field: "value", alpha: 0.5 } };
    const records = [valueOf("a", 10), valueOf("b", 100), valueOf("a", 20), valueOf("a", 30)];
    expect(results(await runStep("model", config, records))).toEqual([
      { forecast: 10 },
      { forecast: 100 },
      { forecast: 15 },
      { forecast: 22.5 },
    ]);
  });

  it.each([
    { method: "linear", value: { a: 3, b: { c: 4 } }, want: { score: 3 } },
    { method: "logistic", value: { a: 0.5, b: { c: 1 } }, want: { probability: 0.5, label: true } },
    { method: "logistic", value: { a: -1, b: { c: 0 } }, want: { probability: 1 / (1 + Math.exp(2)), label: false } },
  ])("scores $value with $method weights", async ({ method, value, want }) => {
    const features = [
      { field: "a", weight: 2 },
      { field: "b.c", weight: -1 },
    ];
    const config = { method: { type: method, features, intercept: method === "linear" ? 1 : 0 }, outputField: "model" };
    const [scored] = results(await runStep("model", config, [recordOf(value)]));
    expect(scored).toEqual(want);
  });

  it.each([
    { value: { a: "3" }, reason: 'The field a is not a number (it is the text "3").' },
    { value: { b: 1 }, reason: "The value has no field a." },
    { value: 42, reason: "The value is not a JSON object, so it has no fields to score." },
  ])("dead-letters $value, naming the field", async ({ value, reason }) => {
    const config = { method: { type: "linear", features: [{ field: "a", weight: 1 }], intercept: 0 } };
    expect(await runStep("model", config, [recordOf(value)])).toEqual([
      { port: "dead-letter", key: "server-1-cpu", value, reason },
    ]);
  });

  it("runs an ONNX model on a [1, n] float row and puts every output under the field", async () => {
    const feeds: { name: string; data: number[]; dims: readonly number[] }[] = [];
    const model: TLoadedModel = {
      inputNames: ["features"],
      outputNames: ["score", "label"],
      run: async (inputs) => {
        for (const [name, input] of Object.entries(inputs))
          feeds.push({ name, data: Array.from(input.data), dims: input.dims });
        const row = Object.values(inputs)[0]!.data;
        return { score: Float32Array.of(row[0]! + row[1]!), label: Float32Array.of(1) };
      },
    };
    const config = { method: { type: "onnx", modelId: "m-1", inputs: ["cpu", "mem"] }, outputField: "prediction" };
    const emitted = await runStep("model", config, [recordOf({ cpu: 0.5, mem: 2 }), recordOf({ cpu: 1 })], {
      models: { "m-1": model },
    });
    expect(emitted.map((e) => e.value)).toEqual([
      { cpu: 0.5, mem: 2, prediction: { score: [2.5], label: [1] } },
      { cpu: 1 },
    ]);
    expect(emitted[1]?.reason).toBe("The value has no field mem.");
    expect(feeds).toEqual([{ name: "features", data: [0.5, 2], dims: [1, 2] }]);
  });

  it("fails each record with the host's sentence when the model cannot be loaded", async () => {
    const config = { method: { type: "onnx", modelId: "gone", inputs: ["cpu"] } };
    const emitted = await runStep("model", config, [recordOf({ cpu: 1 })]);
    expect(emitted).toMatchObject([{ port: "error", reason: "There is no model gone; upload it or choose another." }]);
  });
});
