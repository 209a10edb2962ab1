import { describe, expect, it } from "vitest";
import type { TRebalanceRecord } from "./rebalance-record";
import { timelineRows, withLiveNewest } from "./rebalance-timeline";

const rebalance = (id: string, incarnation: number, generation: number | null, open = false): TRebalanceRecord => ({
  id,
  clusterId: "c",
  groupId: "g",
  detectedAt: Number(id) * 1_000,
  completedAt: open ? null : Number(id) * 1_000 + 500,
  durationMs: open ? null : 500,
  generation,
  incarnation,
  stateChanges: [],
  joined: [],
  left: [],
  before: [],
  after: open ? null : [],
  moved: [],
});

const shape = (rows: ReturnType<typeof timelineRows>) =>
  rows.map((row) => (row.kind === "restart" ? `restart ${row.incarnation}` : `${row.rebalance.id}:${row.generation}`));

describe("timelineRows", () => {
  it("marks where the group was deleted and created again, so generation 1 follows generation 3 without repeating", () => {
    const items = [rebalance("5", 2, 2), rebalance("4", 2, 1), rebalance("3", 1, 3), rebalance("2", 1, 2)];
    expect(shape(timelineRows(items, 1, true))).toEqual(["5:2", "4:1", "restart 2", "3:3", "2:2"]);
  });

  it("marks a restart that falls between this page and the next", () => {
    expect(shape(timelineRows([rebalance("4", 2, 1)], 1, true))).toEqual(["4:1", "restart 2"]);
    expect(shape(timelineRows([rebalance("4", 2, 1)], 2, true))).toEqual(["4:1"]);
    expect(shape(timelineRows([rebalance("4", 1, 1)], null, true))).toEqual(["4:1"]);
  });

  it("never shows a generation twice within one incarnation", () => {
    expect(shape(timelineRows([rebalance("3", 1, 4), rebalance("2", 1, 4)], null, true))).toEqual(["3:null", "2:4"]);
  });

  it("calls an open rebalance below a newer one unfinished, and only the newest one in progress", () => {
    const rows = timelineRows([rebalance("3", 1, null, true), rebalance("2", 1, null, true)], null, true);
    expect(rows.map((row) => row.kind === "rebalance" && row.isUnfinished)).toEqual([false, true]);
    const later = timelineRows([rebalance("2", 1, null, true)], null, false);
    expect(later.map((row) => row.kind === "rebalance" && row.isUnfinished)).toEqual([true]);
  });
});

describe("withLiveNewest", () => {
  it("replaces the stored copy of the rebalance the live snapshot just completed", () => {
    const stored = [rebalance("3", 1, null, true), rebalance("2", 1, 4)];
    const completed = rebalance("3", 1, 5);
    expect(withLiveNewest(stored, completed)).toEqual([completed, stored[1]]);
  });

  it("puts a newer live rebalance first and ignores an older one", () => {
    const stored = [rebalance("2", 1, 4)];
    expect(withLiveNewest(stored, rebalance("3", 1, null, true)).map((item) => item.id)).toEqual(["3", "2"]);
    expect(withLiveNewest(stored, rebalance("1", 1, 3)).map((item) => item.id)).toEqual(["2"]);
    expect(withLiveNewest([], rebalance("1", 1, 3)).map((item) => item.id)).toEqual(["1"]);
  });
});
