import { describe, expect, it } from "vitest";
import { RingIndex } from "./ring-index";

describe("RingIndex", () => {
  it("hands out slots in order and lists them oldest first", () => {
    const ring = new RingIndex(3);
    expect([ring.advance(), ring.advance()]).toEqual([0, 1]);
    expect(ring.slots()).toEqual([0, 1]);
    expect(ring.size).toBe(2);
  });

  it("overwrites the oldest slot once full", () => {
    const ring = new RingIndex(3);
    for (let index = 0; index < 4; index++) ring.advance();
    expect(ring.size).toBe(3);
    expect(ring.slots()).toEqual([1, 2, 0]);
    expect(ring.advance()).toBe(1);
    expect(ring.slots()).toEqual([2, 0, 1]);
  });

  it("rejects a capacity that is not a positive integer", () => {
    expect(() => new RingIndex(0)).toThrow();
    expect(() => new RingIndex(1.5)).toThrow();
  });
});
