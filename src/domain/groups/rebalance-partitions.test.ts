import { describe, expect, it } from "vitest";
import type { TGroupMember } from "./group-dto";
import { formatRebalanceDuration, partitionMoves } from "./rebalance-partitions";

const member = (memberId: string, partitions: number[]): TGroupMember => ({
  memberId,
  clientId: "app",
  host: "/127.0.0.1",
  assignment: [{ topic: "orders", partitions }],
});

describe("partitionMoves", () => {
  it("lists every partition with its owner before and after, flagging the moved ones", () => {
    expect(partitionMoves([member("a", [0, 1])], [member("a", [0]), member("b", [1])])).toEqual([
      { topic: "orders", partition: 0, from: "a", to: "a", moved: false },
      { topic: "orders", partition: 1, from: "a", to: "b", moved: true },
    ]);
  });

  it("flags nothing as moved when the assignment before is unknown", () => {
    expect(partitionMoves(null, [member("a", [0])])).toEqual([
      { topic: "orders", partition: 0, from: null, to: "a", moved: false },
    ]);
  });
});

describe("formatRebalanceDuration", () => {
  it("says milliseconds, seconds or minutes as fits", () => {
    expect(formatRebalanceDuration(850)).toBe("850 ms");
    expect(formatRebalanceDuration(3_240)).toBe("3.2 s");
    expect(formatRebalanceDuration(65_000)).toBe("1 min 5 s");
  });
});
