import { describe, expect, it } from "vitest";
import type { TGroupMember } from "./group-dto";
import { diffSnapshots, membershipChanged } from "./rebalance-diff";

const member = (memberId: string, partitions: number[], topic = "orders"): TGroupMember => ({
  memberId,
  clientId: `client-${memberId}`,
  host: "/10.0.0.1",
  assignment: partitions.length ? [{ topic, partitions }] : [],
});

describe("diffSnapshots", () => {
  it("names the member that joined and the partitions it took over", () => {
    const diff = diffSnapshots(
      [member("a", [0, 1]), member("b", [2, 3])],
      [member("a", [0, 1]), member("b", [2]), member("c", [3])],
    );
    expect(diff.joined).toEqual([{ memberId: "c", clientId: "client-c", host: "/10.0.0.1" }]);
    expect(diff.left).toEqual([]);
    expect(diff.moved).toEqual([{ topic: "orders", partition: 3, from: "b", to: "c" }]);
  });

  it("names the member that left and where its partitions went", () => {
    const diff = diffSnapshots([member("a", [0]), member("b", [1])], [member("a", [0, 1])]);
    expect(diff.left.map((entry) => entry.memberId)).toEqual(["b"]);
    expect(diff.moved).toEqual([{ topic: "orders", partition: 1, from: "b", to: "a" }]);
  });

  it("reports partitions that became unassigned or newly assigned with a null side", () => {
    expect(diffSnapshots([member("a", [0])], []).moved).toEqual([
      { topic: "orders", partition: 0, from: "a", to: null },
    ]);
    expect(diffSnapshots([], [member("a", [0])]).moved).toEqual([
      { topic: "orders", partition: 0, from: null, to: "a" },
    ]);
  });

  it("sorts moved partitions by topic then partition, and ignores partitions that stayed", () => {
    const before = [member("a", [2, 0, 1], "t2"), member("b", [5], "t1")];
    const after = [member("b", [0, 5], "t2"), member("a", [1, 2], "t2")];
    const diff = diffSnapshots(before, after);
    expect(diff.moved).toEqual([
      { topic: "t1", partition: 5, from: "b", to: null },
      { topic: "t2", partition: 0, from: "a", to: "b" },
      { topic: "t2", partition: 5, from: null, to: "b" },
    ]);
  });
});

describe("membershipChanged", () => {
  it("ignores the order of members and partitions", () => {
    expect(membershipChanged([member("a", [1, 0]), member("b", [2])], [member("b", [2]), member("a", [0, 1])])).toBe(
      false,
    );
  });

  it("sees a partition that changed owner even when the member set is the same", () => {
    expect(membershipChanged([member("a", [0]), member("b", [1])], [member("a", [1]), member("b", [0])])).toBe(true);
  });
});
