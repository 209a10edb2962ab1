import "server-only";
import { isRebalancing, newGroupTracker, type TTrackerState } from "~/domain/groups/rebalance-tracker";
import type { ClusterTarget } from "~/server/kafka/client-registry";
import type { TDescribedGroup } from "~/server/kafka/groups/describe-groups";
import { currentGeneration } from "./group-generations";

/**
 * The hand-off between a page's 500 ms watcher and the sweep. The sweep leaves a group with an open
 * page to its watcher and forgets it; when the last page closes, the sweep must go on from what the
 * watcher saw last — otherwise a member that left just then is compared with nothing and lost. The
 * watcher leaves its tracker here on every tick; the sweep takes it when it sees the group again.
 */
export type TTrackedGroup = { tracker: TTrackerState; openId: string | null };

const handoffKey = Symbol.for("tributary.groups.history.handoff");
type GlobalWithHandoff = typeof globalThis & { [handoffKey]?: Map<string, TTrackedGroup> };
const lastWatched = ((globalThis as GlobalWithHandoff)[handoffKey] ??= new Map<string, TTrackedGroup>());

const keyOf = (clusterId: string, groupId: string) => JSON.stringify([clusterId, groupId]);

/** Called by the watcher after each tick. */
export function leaveForSweep(clusterId: string, groupId: string, tracked: TTrackedGroup): void {
  lastWatched.set(keyOf(clusterId, groupId), tracked);
}

/** What a watcher saw last of the group, if it watched it since the sweep did; removed once taken. */
export function takeFromWatcher(clusterId: string, groupId: string): TTrackedGroup | undefined {
  const key = keyOf(clusterId, groupId);
  const tracked = lastWatched.get(key);
  lastWatched.delete(key);
  return tracked;
}

/** The newer of two trackers of the same group (by when each last observed it). */
export function newerOf(a: TTrackedGroup | undefined, b: TTrackedGroup | undefined): TTrackedGroup | undefined {
  if (!a || !b) return a ?? b;
  return b.tracker.lastObservedAt > a.tracker.lastObservedAt ? b : a;
}

/**
 * A group first seen in the middle of a rebalance that never completed one before (generation
 * unknown or 0; KIP-848 group epoch at most 1) is new: its first rebalance lists every member as
 * joined. Otherwise it is tracked from this snapshot on, without a "before".
 */
export async function firstSight(
  cluster: ClusterTarget,
  group: Pick<TDescribedGroup, "groupId" | "type" | "state">,
  at: number,
): Promise<TTrackerState | undefined> {
  if (!isRebalancing(group.state)) return undefined;
  const generation = await currentGeneration(cluster, group.groupId);
  const isNew = generation === null || generation <= (group.type === "consumer" ? 1 : 0);
  return isNew ? newGroupTracker(at) : undefined;
}
