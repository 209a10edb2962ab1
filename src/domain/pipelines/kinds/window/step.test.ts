import { describe, expect, it } from "vitest";
import { recordOf, runStep, type TEmitted } from "../../engine/step-test-kit";

const at = (timestamp: number, value: unknown, key = "server-1-cpu") => recordOf({ value }, { key, timestamp });
const iso = (ms: number) => new Date(ms).toISOString();
const summary = (emitted: TEmitted[]) =>
  emitted.map((e) => (e.port === "out" ? { key: e.key, ...(e.value as object) } : { port: e.port, reason: e.reason }));

describe("the window step", () => {
  it("closes a tumbling window when a later record passes its end, and the rest on flush", async () => {
    const config = {
      window: { type: "tumbling", sizeMs: 1000 },
      field: "value",
      aggregates: ["count", "sum", "avg", "min", "max"],
    };
    const emitted = await runStep("window", config, [at(0, 1), at(100, 5), at(900, 3), at(1000, 10)], { flush: false });
    expect(summary(emitted)).toEqual([
      { key: "server-1-cpu", windowStart: iso(0), windowEnd: iso(1000), count: 3, sum: 9, avg: 3, min: 1, max: 5 },
    ]);
    const flushed = await runStep("window", config, [at(0, 1), at(1000, 10)]);
    expect(flushed.map((w) => (w.value as { count: number }).count)).toEqual([1, 1]);
  });

  it("counts a record in every overlapping hopping window", async () => {
    const config = {
      window: { type: "hopping", sizeMs: 1000, advanceMs: 500 },
      field: "value",
      aggregates: ["count", "sum"],
    };
    const emitted = await runStep("window", config, [at(100, 1), at(700, 2), at(1200, 4)]);
    expect(summary(emitted)).toEqual([
      { key: "server-1-cpu", windowStart: iso(-500), windowEnd: iso(500), count: 1, sum: 1 },
      { key: "server-1-cpu", windowStart: iso(0), windowEnd: iso(1000), count: 2, sum: 3 },
      { key: "server-1-cpu", windowStart: iso(500), windowEnd: iso(1500), count: 2, sum: 6 },
      { key: "server-1-cpu", windowStart: iso(1000), windowEnd: iso(2000), count: 1, sum: 4 },
    ]);
  });

  it("closes a session after its gap, per key, and merges records within the gap", async () => {
    const config = { window: { type: "session", gapMs: 1000 }, field: "value", aggregates: ["count", "max"] };
    const emitted = await runStep(
      "window",
      config,
      [at(0, 1, "a"), at(800, 7, "a"), at(900, 2, "b"), at(1500, 3, "a"), at(2600, 9, "a")],
      { flush: false },
    );
    // a's session [0, 1500] closes when the stream reaches 2500; b's [900] at 1900: both by the record at 2600.
    expect(summary(emitted)).toEqual([
      { key: "b", windowStart: iso(900), windowEnd: iso(900), count: 1, max: 2 },
      { key: "a", windowStart: iso(0), windowEnd: iso(1500), count: 3, max: 7 },
    ]);
  });

  it("computes exact percentiles over the window's values", async () => {
    const config = {
      window: { type: "tumbling", sizeMs: 60_000 },
      field: "value",
      aggregates: ["p50", "p90", "p95", "p99", "max"],
    };
    const shuffled = Array.from({ length: 100 }, (_, i) => ((i * 37) % 100) + 1);
    const emitted = await runStep(
      "window",
      config,
      shuffled.map((value, i) => at(i, value)),
    );
    expect(summary(emitted)).toEqual([
      {
        key: "server-1-cpu",
        windowStart: iso(0),
        windowEnd: iso(60_000),
        p50: 50,
        p90: 90,
        p95: 95,
        p99: 99,
        max: 100,
      },
    ]);
  });

  it("waits for the grace, then dead-letters a record whose window has closed", async () => {
    const config = { window: { type: "tumbling", sizeMs: 1000 }, field: "value", aggregates: ["count"], graceMs: 500 };
    const emitted = await runStep("window", config, [at(100, 1), at(1200, 1), at(900, 1), at(1500, 1), at(950, 1)], {
      flush: false,
    });
    expect(summary(emitted)).toEqual([
      { key: "server-1-cpu", windowStart: iso(0), windowEnd: iso(1000), count: 2 },
      {
        port: "dead-letter",
        reason: `The record arrived after its window closed (its time is ${iso(950)}, the stream had reached ${iso(1500)}).`,
      },
    ]);
  });

  it.each([
    { value: { value: "high" }, reason: 'The field value is not a number (it is the text "high").' },
    { value: { other: 1 }, reason: "The value has no field value." },
    { value: "text", reason: "The value is not a JSON object, so it has no field value." },
  ])("dead-letters $value", async ({ value, reason }) => {
    const config = { window: { type: "tumbling", sizeMs: 1000 }, field: "value", aggregates: ["count"] };
    expect(await runStep("window", config, [recordOf(value)])).toEqual([
      { port: "dead-letter", key: "server-1-cpu", value, reason },
    ]);
  });

  it("cannot be built when a hopping window would hold each record more than 1,000 times", async () => {
    const config = {
      window: { type: "hopping", sizeMs: 86_400_000, advanceMs: 1000 },
      field: "value",
      aggregates: ["count"],
    };
    await expect(runStep("window", config, [])).rejects.toThrow(
      "A hopping window of 86400000 ms every 1000 ms puts each record in 86,400 windows; choose an advance of at least 86400 ms.",
    );
  });
});
