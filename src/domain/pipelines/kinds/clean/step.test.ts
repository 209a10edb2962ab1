import { describe, expect, it } from "vitest";
import { recordOf, runStep } from "../../engine/step-test-kit";

describe("the clean step", () => {
  it.each([
    {
      name: "sends a value that is not a JSON object to the dead-letter port",
      config: {},
      value: "server-1 cpu=93",
      want: { port: "dead-letter", reason: "The value is not a JSON object, so it cannot be cleaned." },
    },
    {
      name: "passes it on when dropMalformed is off",
      config: { dropMalformed: false },
      value: [1, 2],
      want: { port: "out", value: [1, 2] },
    },
    {
      name: "drops listed fields, nested ones too",
      config: { dropFields: ["unit", "debug.trace"] },
      value: { value: 1, unit: "%", debug: { trace: "x", level: 2 } },
      want: { port: "out", value: { value: 1, debug: { level: 2 } } },
    },
    {
      name: "drops null fields at every depth",
      config: { dropNulls: true },
      value: { value: 1, region: null, tags: { rack: null, row: 3 } },
      want: { port: "out", value: { value: 1, tags: { row: 3 } } },
    },
    {
      name: "coerces text to numbers, booleans and timestamps",
      config: {
        coerce: [
          { field: "value", to: "number" },
          { field: "ok", to: "boolean" },
          { field: "at", to: "timestamp" },
          { field: "rack", to: "string" },
        ],
      },
      value: { value: " 93.5 ", ok: "yes", at: 0, rack: 7 },
      want: { port: "out", value: { value: 93.5, ok: true, at: "1970-01-01T00:00:00.000Z", rack: "7" } },
    },
    {
      name: "dead-letters a field that cannot be coerced, naming it",
      config: { coerce: [{ field: "value", to: "number" }] },
      value: { value: "high" },
      want: { port: "dead-letter", reason: 'The field value could not be made a number (it is the text "high").' },
    },
    {
      name: "dead-letters a missing field it must coerce",
      config: { coerce: [{ field: "payload.cpu", to: "number" }] },
      value: { value: 1 },
      want: { port: "dead-letter", reason: "The value has no field payload.cpu." },
    },
    {
      name: "dead-letters a value that does not fit the input topic's schema, with the schema's reason",
      config: { validateAgainstSchema: true },
      value: { value: -1 },
      want: { port: "dead-letter", reason: "value must be at least 0." },
    },
  ])("$name", async ({ config, value, want }) => {
    const validate = (topic: string, checked: unknown) =>
      topic === "telemetry.raw" && (checked as { value: number }).value < 0 ? "value must be at least 0." : null;
    const [emitted, ...more] = await runStep("clean", config, [recordOf(value)], { validate });
    expect(more).toEqual([]);
    expect(emitted).toMatchObject(want);
    if (want.port === "dead-letter") expect(emitted?.value).toEqual(value);
  });

  it("does not change the input record's value", async () => {
    const value = { value: "1", unit: "%", region: null };
    const input = recordOf(value);
    await runStep("clean", { dropFields: ["unit"], dropNulls: true, coerce: [{ field: "value", to: "number" }] }, [
      input,
    ]);
    expect(input.value).toEqual({ value: "1", unit: "%", region: null });
  });

  it("deduplicates per key within the window; unkeyed records pass", async () => {
    const at = (key: string | null, timestamp: number) => recordOf({ value: timestamp }, { key, timestamp });
    const emitted = await runStep("clean", { dedupeWindowMs: 1000 }, [
      at("a", 0),
      at("a", 500),
      at("b", 600),
      at("a", 999),
      at("a", 1200),
      at(null, 1300),
      at(null, 1301),
    ]);
    expect(emitted.map((e) => [e.key, (e.value as { value: number }).value])).toEqual([
      ["a", 0],
      ["b", 600],
      ["a", 1200],
      [null, 1300],
      [null, 1301],
    ]);
  });
});
