import { describe, expect, it } from "vitest";
import { conformanceShare, formatCheckedAt } from "./conformance-text";

describe("the share of matching values", () => {
  it.each([
    [600, 600, 100],
    [582, 600, 97],
    [599, 600, 99], // 99.8 % is not "100 %" while one value fails
    [1, 1000, 1], // 0.1 % is not "0 %" while one value matches
    [0, 600, 0],
    [0, 0, 0],
  ])("%i of %i → %i %", (matched, sampled, expected) => {
    expect(conformanceShare(matched, sampled)).toBe(expected);
  });
});

describe("when a check ran", () => {
  const now = new Date("2026-12-02T12:00:00Z");
  it.each([
    ["2026-12-02T11:59:30Z", "just now"],
    ["2026-12-02T11:55:00Z", "5 min ago"],
    ["2026-12-02T09:30:00Z", "2 h 30 min ago"],
    ["2026-11-29T12:00:00Z", "3 days ago"],
  ])("%s → %s", (checkedAt, expected) => {
    expect(formatCheckedAt(new Date(checkedAt), now)).toBe(expected);
  });
});
