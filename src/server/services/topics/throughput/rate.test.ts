import { describe, expect, it } from "vitest";
import { averageRate, ratePerSecond } from "./rate";

describe("ratePerSecond", () => {
  it("divides the watermark delta by the elapsed seconds", () => {
    expect(ratePerSecond({ high: 100n, at: 1_000 }, { high: 150n, at: 6_000 })).toBe(10);
  });

  it("has no rate without an earlier reading or when time did not advance", () => {
    expect(ratePerSecond(undefined, { high: 5n, at: 1_000 })).toBeNull();
    expect(ratePerSecond({ high: 5n, at: 1_000 }, { high: 9n, at: 1_000 })).toBeNull();
  });

  it("treats a watermark that went backwards (topic recreated) as a reset", () => {
    expect(ratePerSecond({ high: 1_000n, at: 0 }, { high: 3n, at: 5_000 })).toBeNull();
  });

  it("takes deltas of int64 offsets beyond 2^53 exactly", () => {
    const high = 9_223_372_036_854_775_000n;
    expect(ratePerSecond({ high, at: 0 }, { high: high + 7n, at: 1_000 })).toBe(7);
  });
});

describe("averageRate", () => {
  it("weighs each point by the time it covers", () => {
    const points = [
      { at: 5_000, total: 10, partitions: {}, intervalMs: 5_000 },
      { at: 20_000, total: 2, partitions: {}, intervalMs: 15_000 },
    ];
    // (10 × 5 + 2 × 15) messages over 20 s.
    expect(averageRate(points)).toBe(4);
  });

  it("is null with nothing to average", () => {
    expect(averageRate([])).toBeNull();
    expect(averageRate([{ at: 0, total: 3, partitions: {}, intervalMs: Number.NaN }])).toBeNull();
  });
});
