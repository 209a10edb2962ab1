import { describe, expect, it } from "vitest";
import { formatAge, formatCompactCount, formatLag, formatRate } from "./live-format";

describe("formatRate", () => {
  it("reads as an operator says it: 1.2k/s, 120/s, 2.5/s", () => {
    expect(formatRate(1_234)).toBe("1.2k/s");
    expect(formatRate(12_500)).toBe("12.5k/s");
    expect(formatRate(250_000)).toBe("250k/s");
    expect(formatRate(3_400_000)).toBe("3.4M/s");
    expect(formatRate(120.4)).toBe("120/s");
    expect(formatRate(2.5)).toBe("2.5/s");
    expect(formatRate(3)).toBe("3/s");
  });

  it("says 0/s only for nothing at all, so a trickle never reads as zero", () => {
    expect(formatRate(0)).toBe("0/s");
    expect(formatRate(0.01)).toBe("<0.1/s");
    expect(formatRate(0.4)).toBe("0.4/s");
  });
});

describe("formatCompactCount and formatLag", () => {
  it("keeps small counts exact and large ones short", () => {
    expect(formatCompactCount(999)).toBe("999");
    expect(formatCompactCount(1_000)).toBe("1k");
    expect(formatCompactCount(123_456)).toBe("123k");
    expect(formatLag(1_204)).toBe("lag 1.2k");
    expect(formatLag(null)).toBeNull();
  });
});

describe("formatAge", () => {
  it("measures against the overlay's time, never below zero", () => {
    const now = new Date("2027-01-05T10:00:00Z");
    expect(formatAge(new Date("2027-01-05T09:59:58Z"), now)).toBe("2 s ago");
    expect(formatAge(new Date("2027-01-05T10:00:03Z"), now)).toBe("0 s ago");
  });
});
