import { describe, expect, it } from "vitest";
import { incarnationOf } from "./incarnation";

describe("incarnationOf", () => {
  it("starts a group's history at incarnation 1, whatever it looked like", () => {
    expect(incarnationOf(null, "gone", 7)).toBe(1);
    expect(incarnationOf(null, undefined, null)).toBe(1);
  });

  it("starts a new incarnation when the group was seen gone", () => {
    expect(incarnationOf({ incarnation: 1, lastGeneration: 5 }, "gone", null)).toBe(2);
  });

  it("starts a new incarnation when the generation went back below the stored one", () => {
    expect(incarnationOf({ incarnation: 2, lastGeneration: 5 }, undefined, 1)).toBe(3);
    expect(incarnationOf({ incarnation: 2, lastGeneration: 5 }, undefined, 6)).toBe(2);
    expect(incarnationOf({ incarnation: 2, lastGeneration: 5 }, undefined, 5)).toBe(2);
  });

  it("counts a generation equal to the stored one as a restart only for a group that looked new", () => {
    expect(incarnationOf({ incarnation: 1, lastGeneration: 1 }, "new", 1)).toBe(2);
    expect(incarnationOf({ incarnation: 1, lastGeneration: 1 }, "new", 2)).toBe(1);
  });

  it("stays in the incarnation when either generation is unknown", () => {
    expect(incarnationOf({ incarnation: 1, lastGeneration: null }, "new", 1)).toBe(1);
    expect(incarnationOf({ incarnation: 1, lastGeneration: 4 }, undefined, null)).toBe(1);
  });
});
