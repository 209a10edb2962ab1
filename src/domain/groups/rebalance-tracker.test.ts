import { describe, expect, it } from "vitest";
import type { TGroupMember } from "./group-dto";
import { newGroupTracker, provisionalMembers, trackSnapshot, type TTrackerState } from "./rebalance-tracker";

const member = (memberId: string, partitions: number[]): TGroupMember => ({
  memberId,
  clientId: "app",
  host: "/127.0.0.1",
  assignment: partitions.length ? [{ topic: "orders", partitions }] : [],
});
const two = [member("a", [0, 1]), member("b", [2, 3])];
const three = [member("a", [0, 1]), member("b", [2]), member("c", [3])];

function run(steps: { state: string; members: TGroupMember[] }[]) {
  let state: TTrackerState | undefined;
  return steps.map((snapshot, index) => {
    const step = trackSnapshot(state, snapshot, 1_000 * (index + 1));
    state = step.state;
    return step.action;
  });
}

describe("trackSnapshot", () => {
  it("records nothing while the group stays stable", () => {
    expect(
      run([
        { state: "Stable", members: two },
        { state: "Stable", members: two },
      ]),
    ).toEqual([null, null]);
  });

  it("opens a rebalance when the group leaves Stable and completes it with the diff when Stable again", () => {
    const actions = run([
      { state: "Stable", members: two },
      { state: "PreparingRebalance", members: two },
      { state: "PreparingRebalance", members: two },
      { state: "CompletingRebalance", members: three },
      { state: "Stable", members: three },
    ]);
    expect(actions.map((action) => action?.kind ?? null)).toEqual([null, "start", null, "progress", "complete"]);
    const done = actions[4];
    if (done?.kind !== "complete") throw new Error("expected a completed rebalance");
    expect(done.rebalance.stateChanges.map((change) => change.state)).toEqual([
      "Stable",
      "PreparingRebalance",
      "CompletingRebalance",
      "Stable",
    ]);
    expect(done.rebalance).toMatchObject({ detectedAt: 2_000, completedAt: 5_000, durationMs: 3_000 });
    expect(done.rebalance.diff.joined.map((entry) => entry.memberId)).toEqual(["c"]);
    expect(done.rebalance.diff.moved).toEqual([{ topic: "orders", partition: 3, from: "b", to: "c" }]);
  });

  it("records a rebalance whose intermediate states fell between two polls, without a duration", () => {
    const actions = run([
      { state: "Stable", members: two },
      { state: "Stable", members: three },
    ]);
    expect(actions[1]).toMatchObject({ kind: "record", rebalance: { durationMs: null } });
    if (actions[1]?.kind !== "record") throw new Error("expected a recorded rebalance");
    expect(actions[1].rebalance.diff.joined.map((entry) => entry.memberId)).toEqual(["c"]);
  });

  it("treats the last member leaving (Stable → PreparingRebalance → Empty) as a rebalance", () => {
    const actions = run([
      { state: "Stable", members: [member("a", [0])] },
      { state: "PreparingRebalance", members: [] },
      { state: "Empty", members: [] },
    ]);
    const done = actions[2];
    if (done?.kind !== "complete") throw new Error("expected a completed rebalance");
    expect(done.rebalance.diff.left.map((entry) => entry.memberId)).toEqual(["a"]);
  });

  it("records a rebalance already under way at first sight without a 'before'", () => {
    const actions = run([
      { state: "CompletingRebalance", members: two },
      { state: "Stable", members: two },
    ]);
    expect(actions[0]).toMatchObject({ kind: "start", rebalance: { before: null } });
    expect(actions[1]).toMatchObject({ kind: "complete", rebalance: { before: null, diff: { moved: [] } } });
  });

  it("resumes a rebalance stored as open before a restart", () => {
    const resumed = {
      detectedAt: 500,
      stateChanges: [{ state: "PreparingRebalance", at: 500 }],
      before: two,
      members: [],
    };
    const step = trackSnapshot(undefined, { state: "Stable", members: three }, 2_000, resumed);
    expect(step.action).toMatchObject({ kind: "complete", rebalance: { durationMs: 1_500 } });
  });

  it("knows who joined while the group is still rebalancing, before the new assignment exists", () => {
    const actions = run([
      { state: "Stable", members: two },
      { state: "PreparingRebalance", members: two },
      { state: "PreparingRebalance", members: [...two, member("c", [])] },
    ]);
    expect(actions.map((action) => action?.kind ?? null)).toEqual([null, "start", "progress"]);
    const progress = actions[2];
    if (progress?.kind !== "progress") throw new Error("expected progress");
    expect(provisionalMembers(progress.rebalance).joined.map((entry) => entry.memberId)).toEqual(["c"]);
    expect(provisionalMembers(progress.rebalance).left).toEqual([]);
  });
});

describe("a new group", () => {
  const newMember = (memberId: string) => member(memberId, []);

  it("lists every member of its first rebalance as joined, when first seen mid-rebalance", () => {
    const started = trackSnapshot(newGroupTracker(1_000), { state: "PreparingRebalance", members: [] }, 1_000);
    expect(started.action?.kind).toBe("start");
    const done = trackSnapshot(started.state, { state: "Stable", members: [newMember("a"), newMember("b")] }, 1_500);
    expect(done.action?.kind).toBe("complete");
    if (done.action?.kind !== "complete") return;
    expect(done.action.rebalance.diff.joined.map((joined) => joined.memberId)).toEqual(["a", "b"]);
    expect(done.action.rebalance.before).toEqual([]);
  });

  it("records its members as joined when it was first seen already settled", () => {
    const step = trackSnapshot(newGroupTracker(1_000), { state: "Stable", members: [newMember("a")] }, 2_000);
    expect(step.action?.kind).toBe("record");
    if (step.action?.kind !== "record") return;
    expect(step.action.rebalance.diff.joined.map((joined) => joined.memberId)).toEqual(["a"]);
  });
});

describe("a group deleted and created again", () => {
  it("marks the first rebalance after the group was seen Dead, and only that one", () => {
    const actions = run([
      { state: "Stable", members: [member("a", [0])] },
      { state: "Empty", members: [] },
      { state: "Dead", members: [] },
      { state: "Empty", members: [] },
      { state: "PreparingRebalance", members: [member("b", [])] },
      { state: "Stable", members: [member("b", [0])] },
      { state: "PreparingRebalance", members: [member("b", [0])] },
    ]);
    expect(actions.map((action) => action?.kind ?? null)).toEqual([
      null,
      "record",
      null,
      null,
      "start",
      "complete",
      "start",
    ]);
    expect(actions[1]?.rebalance.restart).toBeUndefined();
    expect(actions[4]?.rebalance.restart).toBe("gone");
    expect(actions[5]?.rebalance.restart).toBe("gone");
    expect(actions[6]?.rebalance.restart).toBeUndefined();
  });

  it("marks the first rebalance of a group that looked new at first sight", () => {
    const step = trackSnapshot(newGroupTracker(1_000), { state: "PreparingRebalance", members: [] }, 1_000);
    expect(step.action?.rebalance.restart).toBe("new");
  });
});
