import { describe, expect, it } from "vitest";
import { partitionIdsOf, toChartRows } from "./chart-rows";
import { formatRate } from "./format-rate";

describe("toChartRows", () => {
  it("spreads partitions into keys and leaves unknown ones null", () => {
    const points = [{ at: 5_000, total: 3, partitions: { 0: 1, 2: 2 } }];
    expect(toChartRows(points, [0, 1, 2], 5_000)).toEqual([{ at: 5_000, total: 3, p0: 1, p1: null, p2: 2 }]);
  });

  it("puts a blank row into a hole longer than two intervals", () => {
    const points = [
      { at: 0, total: 1, partitions: { 0: 1 } },
      { at: 5_000, total: 1, partitions: { 0: 1 } },
      { at: 30_000, total: 2, partitions: { 0: 2 } },
    ];
    expect(toChartRows(points, [0], 5_000).map((row) => [row.at, row.total])).toEqual([
      [0, 1],
      [5_000, 1],
      [10_000, null],
      [30_000, 2],
    ]);
  });
});

describe("partitionIdsOf", () => {
  it("collects ids across points in numeric order", () => {
    expect(
      partitionIdsOf([
        { at: 0, total: 0, partitions: { 10: 0, 2: 0 } },
        { at: 1, total: 0, partitions: { 1: 0 } },
      ]),
    ).toEqual([1, 2, 10]);
  });
});

describe("formatRate", () => {
  it("keeps one decimal and compacts large rates", () => {
    expect(formatRate(12)).toBe("12.0 msg/s");
    expect(formatRate(0.25)).toBe("0.3 msg/s");
    expect(formatRate(48_200)).toBe("48.2K msg/s");
  });
});
