import { describe, expect, it } from "vitest";
import { countMovedKeys } from "~/domain/partitioner/key-movement";
import { movedKeyShare } from "./moved-key-share";

describe("movedKeyShare", () => {
  it("is exact for simple cases", () => {
    expect(movedKeyShare(3, 5)).toBeCloseTo(12 / 15);
    expect(movedKeyShare(4, 8)).toBeCloseTo(1 / 2);
    expect(movedKeyShare(6, 7)).toBeCloseTo(1 - 1 / 7);
    expect(movedKeyShare(5, 5)).toBe(0);
  });

  it("matches what murmur2 does to many keys", () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `server-${i}-cpu`);
    for (const [from, to] of [
      [3, 5],
      [6, 12],
      [6, 8],
      [12, 13],
    ] as const) {
      const { moved, sampled } = countMovedKeys(keys, from, to);
      expect(Math.abs(moved / sampled - movedKeyShare(from, to))).toBeLessThan(0.02);
    }
  });
});
