import { describe, expect, it } from "vitest";
import { advanceTailCursor, formatTailCursor, parseTailCursor } from "./tail-cursor";

describe("tail cursor", () => {
  it("round-trips offsets beyond 2^53 per partition", () => {
    const cursor = new Map([
      [3, 9_007_199_254_740_993n],
      [0, 12n],
    ]);
    expect(formatTailCursor(cursor)).toBe("0:12,3:9007199254740993");
    expect(parseTailCursor("0:12,3:9007199254740993")).toEqual(cursor);
  });

  it("refuses anything that is not a cursor", () => {
    for (const value of ["", null, undefined, "0:", "a:1", "0:1;1:2", "0:-1", "0:1,,1:2"]) {
      expect(parseTailCursor(value)).toBeNull();
    }
  });

  it("moves past the newest sent offset of each partition, never back", () => {
    const cursor = new Map([[0, 10n]]);
    advanceTailCursor(cursor, [
      { partition: 0, offset: "12" },
      { partition: 0, offset: "11" },
      { partition: 2, offset: "5" },
    ]);
    expect(cursor).toEqual(
      new Map([
        [0, 13n],
        [2, 6n],
      ]),
    );
  });
});
