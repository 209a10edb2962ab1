import { describe, expect, it } from "vitest";
import { buildAssignmentGrid, explainIdleMembers } from "./assignment-grid";
import type { TGroupMember, TGroupSummary } from "./group-dto";
import { formatDuration, groupTimeLag, partitionLag, timeLagFrom, totalLag } from "./group-lag";
import { filterGroupIds, pageGroupIdsByName, pageGroups } from "./group-list-query";

function member(memberId: string, assignment: Record<string, number[]> = {}): TGroupMember {
  return {
    memberId,
    clientId: `client-${memberId}`,
    host: "/127.0.0.1",
    assignment: Object.entries(assignment).map(([topic, partitions]) => ({ topic, partitions })),
  };
}

const partitionsOf = (topic: string, count: number) =>
  Array.from({ length: count }, (_, partition) => ({ topic, partition }));

describe("lag", () => {
  it("is the log-end offset minus the committed offset, beyond the range of a number", () => {
    expect(partitionLag("10", "25")).toBe("15");
    expect(partitionLag("1", "9223372036854775807")).toBe("9223372036854775806");
  });

  it("is unknown without a commit or a log-end offset, and never negative", () => {
    expect(partitionLag(null, "5")).toBeNull();
    expect(partitionLag("5", null)).toBeNull();
    expect(partitionLag("12", "10")).toBe("0");
  });

  it("sums the known partitions, and is unknown when none is known", () => {
    expect(totalLag([{ lag: "3" }, { lag: null }, { lag: "4" }])).toBe("7");
    expect(totalLag([{ lag: null }])).toBeNull();
    expect(totalLag([])).toBeNull();
  });

  it("takes the oldest unconsumed record as the group's time lag", () => {
    expect(groupTimeLag([{ timeLagMs: 100 }, { timeLagMs: null }, { timeLagMs: 5_000 }])).toBe(5_000);
    expect(groupTimeLag([{ timeLagMs: null }])).toBeNull();
    expect(timeLagFrom(1_000, 4_000)).toBe(3_000);
    expect(timeLagFrom(5_000, 4_000)).toBe(0);
    expect(timeLagFrom(null, 4_000)).toBeNull();
  });

  it("formats durations for people", () => {
    expect(formatDuration(450)).toBe("450 ms");
    expect(formatDuration(3_200)).toBe("3.2 s");
    expect(formatDuration(250_000)).toBe("4 min 10 s");
    expect(formatDuration(7_500_000)).toBe("2 h 5 min");
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000)).toBe("3 d 4 h");
  });
});

describe("assignment grid", () => {
  it("marks the one idle member of 4 members on 3 partitions, with the reason", () => {
    const grid = buildAssignmentGrid(
      [member("a", { t: [0] }), member("b", { t: [1] }), member("c", { t: [2] }), member("d")],
      partitionsOf("t", 3),
    );
    expect(grid.idleMemberIds).toEqual(["d"]);
    expect(grid.members.map((m) => m.isIdle)).toEqual([false, false, false, true]);
    expect(grid.idleExplanation).toMatch(/^4 members, 3 partitions: one member has nothing to read\./);
    expect(grid.rows.map((row) => row.memberId)).toEqual(["a", "b", "c"]);
  });

  it("says nothing when every member reads something", () => {
    const grid = buildAssignmentGrid([member("a", { t: [0, 1] }), member("b", { t: [2] })], partitionsOf("t", 3));
    expect(grid.idleMemberIds).toEqual([]);
    expect(grid.idleExplanation).toBeNull();
  });

  it("shows partitions no member holds as unassigned", () => {
    const grid = buildAssignmentGrid([member("a", { t: [0] })], partitionsOf("t", 2));
    expect(grid.rows).toEqual([
      { topic: "t", partition: 0, memberId: "a" },
      { topic: "t", partition: 1, memberId: null },
    ]);
  });

  it("counts partitions across several topics, and blames the assignor when there were enough", () => {
    // The range assignor hands partition 0 of each topic to the first member: b gets nothing.
    const grid = buildAssignmentGrid(
      [member("a", { orders: [0], payments: [0] }), member("b")],
      [...partitionsOf("payments", 1), ...partitionsOf("orders", 1)],
    );
    expect(grid.rows.map((row) => `${row.topic}-${row.partition}`)).toEqual(["orders-0", "payments-0"]);
    expect(grid.idleExplanation).toMatch(
      /^2 members, 2 partitions across 2 topics: one member has nothing to read, although there are enough partitions/,
    );
  });

  it("counts several idle members in words", () => {
    expect(explainIdleMembers(5, 3, 2)).toMatch(/^5 members, 3 partitions: two members have nothing to read\./);
    expect(explainIdleMembers(1, 0, 1)).toMatch(/^1 member, 0 partitions: one member has nothing to read\./);
    expect(explainIdleMembers(0, 3, 0)).toBeNull();
  });
});

describe("group list paging", () => {
  const summary = (groupId: string, totalLag: string | null): TGroupSummary => ({
    groupId,
    type: "classic",
    state: "Stable",
    protocolType: "consumer",
    protocol: "range",
    memberCount: 1,
    topics: [],
    totalLag,
    timeLagMs: null,
  });

  it("filters by a case-insensitive substring and pages by name", () => {
    const ids = ["b-orders", "a-Orders", "c-payments"];
    expect(filterGroupIds(ids, "orders")).toEqual(["b-orders", "a-Orders"]);
    expect(pageGroupIdsByName(ids, { direction: "asc", page: 2, pageSize: 2 } as never)).toEqual(["c-payments"]);
  });

  it("sorts by lag as int64 with unknown lag last", () => {
    const rows = [summary("x", "9"), summary("y", null), summary("z", "10")];
    const page = pageGroups(rows, { sort: "lag", direction: "desc", page: 1, pageSize: 25 });
    expect(page.map((row) => row.groupId)).toEqual(["z", "x", "y"]);
  });
});
