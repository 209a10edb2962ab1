import { describe, expect, it } from "vitest";
import {
  bucketMsFor,
  bucketOf,
  LAG_RANGE_MS,
  LAG_RANGES,
  lagWindow,
  MAX_POINTS_PER_SERIES,
  parseLagRange,
} from "./lag-range";

describe("parseLagRange", () => {
  it("reads every offered range from the URL", () => {
    for (const range of LAG_RANGES) expect(parseLagRange(range)).toBe(range);
  });

  it("falls back to one hour for a missing or hand-edited value", () => {
    expect(parseLagRange(null)).toBe("1h");
    expect(parseLagRange(undefined)).toBe("1h");
    expect(parseLagRange("2h")).toBe("1h");
    expect(parseLagRange("7D")).toBe("1h");
  });
});

describe("bucketMsFor", () => {
  it("never cuts a range into more than 300 buckets", () => {
    for (const range of LAG_RANGES) {
      const bucketMs = bucketMsFor(range, 1_000);
      expect(Math.ceil(LAG_RANGE_MS[range] / bucketMs)).toBeLessThanOrEqual(MAX_POINTS_PER_SERIES);
    }
  });

  it("uses whole seconds: 7 days at 15 s samples become 2,016 s buckets", () => {
    expect(bucketMsFor("7d", 15_000)).toBe(2_016_000);
    expect(bucketMsFor("24h", 15_000)).toBe(288_000);
  });

  it("is never narrower than one sample interval, which would only add empty buckets", () => {
    expect(bucketMsFor("15m", 15_000)).toBe(15_000);
    expect(bucketMsFor("15m", 1_000)).toBe(3_000);
    expect(bucketMsFor("1h", 60_000)).toBe(60_000);
  });
});

describe("lagWindow", () => {
  it("ends now and starts at the first whole bucket of the range", () => {
    const now = Date.UTC(2026, 10, 22, 7, 0, 7);
    const { from, to } = lagWindow("1h", now, 12_000);
    expect(to).toBe(now);
    expect(from % 12_000).toBe(0);
    expect(from).toBeGreaterThanOrEqual(now - LAG_RANGE_MS["1h"]);
    expect(from - (now - LAG_RANGE_MS["1h"])).toBeLessThanOrEqual(12_000);
  });

  it("keeps a sample in the same bucket as the window slides", () => {
    const at = 1_700_000_004_321;
    expect(bucketOf(at, 15_000)).toBe(bucketOf(at - (at % 15_000), 15_000));
    expect(bucketOf(at, 15_000)).toBe(Math.floor(at / 15_000));
  });
});
