import { describe, expect, it } from "vitest";
import { historyRows, parseHistoryMinutes } from "./history-rows";

const at = (seconds: number) => new Date(Date.UTC(2027, 0, 5, 10, 0, seconds));
const point = (seconds: number, inRate: number) => ({
  at: at(seconds),
  inRate,
  outRate: inRate,
  deadLetterRate: 0,
  lag: 5,
});

describe("historyRows", () => {
  it("orders the samples in time and breaks the lines across a hole nobody measured", () => {
    const rows = historyRows([point(20, 3), point(0, 1), point(10, 2), point(59, 4)]);
    expect(rows.map((row) => row.inRate)).toEqual([1, 2, 3, null, 4]);
    expect(rows[0]?.at).toBe(at(0).getTime());
  });
});

describe("parseHistoryMinutes", () => {
  it("takes the offered ranges from the URL and falls back to an hour", () => {
    expect(parseHistoryMinutes("360")).toBe(360);
    expect(parseHistoryMinutes("7")).toBe(60);
    expect(parseHistoryMinutes(null)).toBe(60);
  });
});
