import { describe, expect, it } from "vitest";
import type { TLagRebalanceMarker, TPartitionLagSeries } from "~/domain/groups/lag-history-dto";
import {
  describeRebalance,
  formatTimeLagTick,
  gapThresholdMs,
  labelledMarkerIds,
  timeLagTicks,
  partitionLagRows,
  rebalancesNear,
  totalLagRows,
} from "./lag-chart-rows";

const series = (partition: number, points: [number, string][], topic = "orders"): TPartitionLagSeries => ({
  topic,
  partition,
  points: points.map(([at, lag]) => ({ at, lag })),
});

const marker = (overrides: Partial<TLagRebalanceMarker>): TLagRebalanceMarker => ({
  id: "1",
  at: 0,
  completedAt: 1,
  generation: 7,
  movedCount: 2,
  joined: [],
  left: [],
  ...overrides,
});

describe("totalLagRows", () => {
  it("breaks the line where the server took no samples instead of drawing across the outage", () => {
    const points = [
      { at: 0, totalLag: "5", timeLagMs: 100 },
      { at: 15_000, totalLag: "7", timeLagMs: null },
      { at: 300_000, totalLag: "2", timeLagMs: 50 },
    ];
    const rows = totalLagRows(points, gapThresholdMs(15_000));
    expect(rows.map((row) => row.totalLag)).toEqual([5, 7, null, 2]);
    expect(rows[2]!.at).toBeGreaterThan(15_000);
    expect(rows[2]!.at).toBeLessThan(300_000);
    expect(rows.map((row) => row.timeLagMs)).toEqual([100, null, null, 50]);
  });

  it("joins points one or two buckets apart (a late sample lands one bucket over)", () => {
    const points = [0, 15_000, 45_000].map((at) => ({ at, totalLag: "1", timeLagMs: null }));
    expect(totalLagRows(points, gapThresholdMs(15_000)).map((row) => row.totalLag)).toEqual([1, 1, 1]);
  });
});

describe("partitionLagRows", () => {
  it("puts each partition's lag in its own key and null where a partition has no point", () => {
    const rows = partitionLagRows(
      [
        series(0, [
          [0, "3"],
          [15_000, "4"],
        ]),
        series(1, [[15_000, "9"]]),
      ],
      45_000,
    );
    expect(rows).toEqual([
      { at: 0, p0: 3, p1: null },
      { at: 15_000, p0: 4, p1: 9 },
    ]);
  });
});

describe("rebalance markers", () => {
  it("finds the rebalances that belong to a hovered point", () => {
    const markers = [marker({ id: "a", at: 10_000 }), marker({ id: "b", at: 40_000 })];
    expect(rebalancesNear(markers, 15_000, 15_000).map((entry) => entry.id)).toEqual(["a"]);
    expect(rebalancesNear(markers, 45_000, 15_000).map((entry) => entry.id)).toEqual(["b"]);
  });

  it("describes a rebalance in a line an operator reads", () => {
    expect(describeRebalance(marker({ joined: ["billing-3"], left: ["billing-1"] }))).toBe(
      "generation 7 · 2 partitions moved · joined billing-3 · left billing-1",
    );
    expect(describeRebalance(marker({ generation: null, movedCount: 1, completedAt: null }))).toBe(
      "generation unknown · 1 partition moved · still rebalancing",
    );
  });
});

describe("labelledMarkerIds", () => {
  it("labels markers far enough apart and leaves a burst's later ones as bare lines", () => {
    const markers = [0, 1_000, 2_000, 50_000, 100_000].map((at, index) => marker({ id: String(index), at }));
    expect([...labelledMarkerIds(markers, 0, 100_000, 0.04)]).toEqual(["0", "3", "4"]);
  });
});

describe("formatTimeLagTick", () => {
  it("writes each tick in one unit, without repeating a rounded value", () => {
    expect([0, 30_000, 60_000, 90_000, 120_000].map(formatTimeLagTick)).toEqual([
      "0",
      "30 s",
      "1 min",
      "1.5 min",
      "2 min",
    ]);
    expect(formatTimeLagTick(1_500)).toBe("1.5 s");
    expect(formatTimeLagTick(5_400_000)).toBe("1.5 h");
    expect(formatTimeLagTick(3 * 86_400_000)).toBe("3 d");
  });
});

describe("timeLagTicks", () => {
  it("steps in whole units up to the largest time lag, at most five steps", () => {
    expect(timeLagTicks(220_000)).toEqual([0, 60_000, 120_000, 180_000, 240_000]);
    expect(timeLagTicks(4_000)).toEqual([0, 1_000, 2_000, 3_000, 4_000]);
    expect(timeLagTicks(0)).toEqual([0, 1_000]);
    expect(timeLagTicks(40 * 86_400_000).length).toBeLessThanOrEqual(6);
  });
});
