import type { TGroupMember } from "./group-dto";
import { diffSnapshots, membershipChanged, type TGroupSnapshot, type TRebalanceDiff } from "./rebalance-diff";

/**
 * Turns a series of DescribeGroups snapshots (one every ~500 ms) into rebalances. Pure, so the
 * watcher's decisions are unit-tested without Kafka; the watcher only stores what this says.
 */

/**
 * The states a group passes through while its partitions are handed out again: classic groups'
 * re-join and sync, and KIP-848 groups' computing of a new target assignment and the members'
 * convergence to it.
 */
const REBALANCING_STATES = new Set(["PreparingRebalance", "CompletingRebalance", "Assigning", "Reconciling"]);

export function isRebalancing(state: string): boolean {
  return REBALANCING_STATES.has(state);
}

export type TStateChange = { state: string; at: number };

/**
 * Why the group's next rebalance may begin a new incarnation (the group was deleted and created
 * again with the same id, so its generations restart): "gone" — it was seen Dead or missing;
 * "new" — it looked new at first sight (it never completed a rebalance). Whether it really is a
 * new incarnation depends on the stored history (see incarnation.ts).
 */
export type TGroupRestart = "gone" | "new";

export type TOpenRebalance = {
  detectedAt: number;
  stateChanges: TStateChange[];
  /** The members of the last settled snapshot; null when the watcher started mid-rebalance. */
  before: TGroupMember[] | null;
  /** The members seen last while rebalancing: who joined or left is known before the new assignment is. */
  members: TGroupMember[];
  /** Set on the first rebalance after the group was gone or looked new. */
  restart?: TGroupRestart;
};

export type TCompletedRebalance = TOpenRebalance & {
  completedAt: number;
  /** null when the rebalance fell between two polls and only its result was seen. */
  durationMs: number | null;
  after: TGroupMember[];
  diff: TRebalanceDiff;
};

export type TTrackerState = {
  lastState: string;
  lastObservedAt: number;
  /** Members of the last settled (not rebalancing) snapshot. */
  settled: TGroupMember[] | null;
  open: TOpenRebalance | null;
  /** Carried until the next rebalance starts, which takes it over. */
  restart?: TGroupRestart;
};

/** What to store: insert an open row, update it, complete it, or insert a completed one at once. */
export type TTrackerAction =
  | { kind: "start"; rebalance: TOpenRebalance }
  | { kind: "progress"; rebalance: TOpenRebalance }
  | { kind: "complete"; rebalance: TCompletedRebalance }
  | { kind: "record"; rebalance: TCompletedRebalance };

const memberIds = (members: TGroupMember[]) =>
  members
    .map((member) => member.memberId)
    .sort()
    .join("\u0000");

/** Who joined and left so far, while the new assignment is not known yet; nothing without a "before". */
export function provisionalMembers(open: TOpenRebalance): Pick<TRebalanceDiff, "joined" | "left"> {
  if (!open.before) return { joined: [], left: [] };
  const { joined, left } = diffSnapshots(open.before, open.members);
  return { joined, left };
}

export type TTrackerStep = { state: TTrackerState; action: TTrackerAction | null };

/**
 * What to track a group from when it is known to be new (it was not there a moment ago, or it has
 * never completed a rebalance): nobody was a member before, so its first rebalance lists every
 * member as joined instead of starting without a "before".
 */
export function newGroupTracker(at: number, restart: TGroupRestart = "new"): TTrackerState {
  return { lastState: "Empty", lastObservedAt: at, settled: [], open: null, restart };
}

function complete(open: TOpenRebalance, after: TGroupMember[], at: number, timed: boolean): TCompletedRebalance {
  return {
    ...open,
    completedAt: at,
    durationMs: timed ? at - open.detectedAt : null,
    after,
    diff: open.before ? diffSnapshots(open.before, after) : { joined: [], left: [], moved: [] },
  };
}

/**
 * One step: `previous` is undefined on the first poll (or `resumed` carries a rebalance that was
 * stored as open before a restart).
 */
export function trackSnapshot(
  previous: TTrackerState | undefined,
  snapshot: TGroupSnapshot,
  at: number,
  resumed: TOpenRebalance | null = null,
): TTrackerStep {
  const step = trackStep(previous, snapshot, at, resumed);
  // A Dead group was deleted (or its offsets expired): if it comes back, it is a new incarnation.
  return snapshot.state === "Dead" ? { ...step, state: { ...step.state, restart: "gone" } } : step;
}

function trackStep(
  previous: TTrackerState | undefined,
  snapshot: TGroupSnapshot,
  at: number,
  resumed: TOpenRebalance | null,
): TTrackerStep {
  const rebalancing = isRebalancing(snapshot.state);
  const open = previous ? previous.open : resumed;
  const base = { lastState: snapshot.state, lastObservedAt: at };

  if (!previous && !open) {
    // First sight: a group already mid-rebalance is recorded without a "before".
    if (!rebalancing) return { state: { ...base, settled: snapshot.members, open: null }, action: null };
    const started: TOpenRebalance = {
      detectedAt: at,
      stateChanges: [{ state: snapshot.state, at }],
      before: null,
      members: snapshot.members,
    };
    return { state: { ...base, settled: null, open: started }, action: { kind: "start", rebalance: started } };
  }

  if (open) {
    const lastSeen = open.stateChanges.at(-1)?.state;
    const stateChanges =
      lastSeen === snapshot.state ? open.stateChanges : [...open.stateChanges, { state: snapshot.state, at }];
    const updated: TOpenRebalance = { ...open, stateChanges, members: snapshot.members };
    if (rebalancing) {
      const changed = stateChanges !== open.stateChanges || memberIds(open.members) !== memberIds(snapshot.members);
      const action = changed ? ({ kind: "progress", rebalance: updated } as const) : null;
      return { state: { ...base, settled: previous?.settled ?? open.before, open: updated }, action };
    }
    return {
      state: { ...base, settled: snapshot.members, open: null },
      action: { kind: "complete", rebalance: complete(updated, snapshot.members, at, true) },
    };
  }

  const last = previous!;
  // The restart passes to the next rebalance, or waits in the state until there is one.
  const restart = last.restart ? { restart: last.restart } : {};
  if (rebalancing) {
    const started: TOpenRebalance = {
      ...restart,
      detectedAt: at,
      stateChanges: [
        { state: last.lastState, at: last.lastObservedAt },
        { state: snapshot.state, at },
      ],
      before: last.settled,
      members: snapshot.members,
    };
    return { state: { ...base, settled: last.settled, open: started }, action: { kind: "start", rebalance: started } };
  }

  // Settled → settled: a rebalance that began and ended between two polls shows only in its result.
  if (last.settled && membershipChanged(last.settled, snapshot.members)) {
    const missed: TOpenRebalance = {
      ...restart,
      detectedAt: at,
      stateChanges: [
        { state: last.lastState, at: last.lastObservedAt },
        { state: snapshot.state, at },
      ],
      before: last.settled,
      members: snapshot.members,
    };
    return {
      state: { ...base, settled: snapshot.members, open: null },
      action: { kind: "record", rebalance: complete(missed, snapshot.members, at, false) },
    };
  }
  return { state: { ...base, settled: snapshot.members, open: null, ...restart }, action: null };
}
