import { describe, expect, it } from "vitest";
import type { TMemberRow } from "~/server/db/pipeline-runners";
import { MemberRateTracker, sumRates } from "./member-rates";

const T0 = 1_700_000_000_000;

function member(totals: { consumed: number; produced: number; out?: number }, updatedAt: number): TMemberRow {
  return {
    id: "runner-1/dep-1/clean-1/0",
    runnerId: "runner-1",
    deploymentId: "dep-1",
    nodeId: "clean-1",
    instance: 0,
    revision: 1,
    state: "running",
    reason: null,
    memberId: "m-1",
    partitions: [0],
    consumed: totals.consumed,
    produced: totals.produced,
    deadLettered: 0,
    portCounts: { out: totals.out ?? totals.produced },
    updatedAt: new Date(updatedAt),
  };
}

describe("member rates", () => {
  it("divides the growth between two reports by the time between them", () => {
    const tracker = new MemberRateTracker();
    expect(
      tracker.observe("dep-1", [member({ consumed: 100, produced: 90 }, T0)], T0).get("runner-1/dep-1/clean-1/0"),
    ).toMatchObject({ consumed: 0, produced: 0 });
    const rates = tracker.observe("dep-1", [member({ consumed: 500, produced: 290 }, T0 + 2_000)], T0 + 2_100);
    expect(rates.get("runner-1/dep-1/clean-1/0")).toEqual({
      consumed: 200,
      produced: 100,
      deadLettered: 0,
      ports: { out: 100 },
    });
  });

  it("keeps the last rate between reports instead of dropping to zero", () => {
    const tracker = new MemberRateTracker();
    tracker.observe("dep-1", [member({ consumed: 0, produced: 0 }, T0)], T0);
    tracker.observe("dep-1", [member({ consumed: 400, produced: 400 }, T0 + 2_000)], T0 + 2_000);
    const again = tracker.observe("dep-1", [member({ consumed: 400, produced: 400 }, T0 + 2_000)], T0 + 3_000);
    expect(again.get("runner-1/dep-1/clean-1/0")?.consumed).toBe(200);
  });

  it("treats a drop in a total as a restart, never as a negative rate", () => {
    const tracker = new MemberRateTracker();
    tracker.observe("dep-1", [member({ consumed: 10_000, produced: 10_000 }, T0)], T0);
    const rates = tracker.observe("dep-1", [member({ consumed: 300, produced: 100 }, T0 + 2_000)], T0 + 2_000);
    expect(rates.get("runner-1/dep-1/clean-1/0")).toMatchObject({ consumed: 150, produced: 50 });
  });

  it("gives a member whose runner stopped reporting no rate", () => {
    const tracker = new MemberRateTracker();
    tracker.observe("dep-1", [member({ consumed: 0, produced: 0 }, T0)], T0);
    tracker.observe("dep-1", [member({ consumed: 400, produced: 400 }, T0 + 2_000)], T0 + 2_000);
    const later = tracker.observe("dep-1", [member({ consumed: 400, produced: 400 }, T0 + 2_000)], T0 + 30_000);
    expect(later.get("runner-1/dep-1/clean-1/0")?.consumed).toBe(0);
  });

  it("adds up rates per port", () => {
    const a = { consumed: 1, produced: 2, deadLettered: 3, ports: { out: 2 } };
    const b = { consumed: 10, produced: 20, deadLettered: 30, ports: { out: 5, hot: 15 } };
    expect(sumRates([a, b])).toEqual({ consumed: 11, produced: 22, deadLettered: 33, ports: { out: 7, hot: 15 } });
  });
});
