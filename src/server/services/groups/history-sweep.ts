import "server-only";
import { env } from "~/env";
import { newGroupTracker, trackSnapshot } from "~/domain/groups/rebalance-tracker";
import { findOpenRebalances } from "~/server/db/rebalances";
import { describeGroups, listGroups } from "~/server/kafka/groups/describe-groups";
import { retryDelayMs } from "../clusters/cluster-health";
import { getCluster, listClusters } from "../clusters/registered-clusters";
import { firstSight, newerOf, takeFromWatcher, type TTrackedGroup } from "./history-handoff";
import { storeTrackerAction } from "./history-store";
import { activeHistoryWatches, WATCH_LEASE_PREFIX } from "./history-watcher";
import { listLeases } from "~/server/db/worker-leases";
import { startWorker } from "~/server/workers/worker-registry";

/**
 * Rebalances happen when nobody looks, too. Besides the fast watcher of each open group page
 * (history-watcher.ts, every 500 ms), one sweep per registered cluster describes all its classic
 * groups every REBALANCE_SWEEP_SECONDS — one ListGroups and one DescribeGroups per coordinator —
 * and stores their rebalances the same way. A group with an open page is left to its page's
 * watcher, which resumes a rebalance the sweep left open; the sweep takes the group back when the
 * last page closes.
 */

/** Per cluster: what the sweep tracked of each group last time. */
type TSweepMemory = Map<string, Map<string, TTrackedGroup>>;
/** Per cluster: every group the last sweep listed, and when — a group not among them is new. */
type TListedMemory = Map<string, { groupIds: Set<string>; at: number }>;

const memoryKey = Symbol.for("tributary.groups.history.sweep.v2");
type GlobalWithSweep = typeof globalThis & {
  [memoryKey]?: { memory: TSweepMemory; listed: TListedMemory };
};
const sweep = ((globalThis as GlobalWithSweep)[memoryKey] ??= { memory: new Map(), listed: new Map() });

/**
 * One sweep of one cluster; returns how many rebalance rows it wrote. `onlyGroup` narrows it to
 * some groups (tests use it to stay out of the groups other tests are counting).
 */
export async function sweepRebalancesOnce(
  clusterId: string,
  onlyGroup: (groupId: string) => boolean = () => true,
): Promise<number> {
  const cluster = await getCluster(clusterId);
  const tracked = sweep.memory.get(clusterId) ?? new Map<string, TTrackedGroup>();
  sweep.memory.set(clusterId, tracked);
  // Pages on this server, and pages on the other web servers (their watchers hold a watch lease).
  const watchedElsewhere = await groupsWatchedByLease(clusterId);
  const watchedByPage = () =>
    new Set([
      ...watchedElsewhere,
      ...activeHistoryWatches().flatMap(([cluster, group]) => (cluster === clusterId ? [group] : [])),
    ]);

  const paged = watchedByPage();
  const allListed = await listGroups(cluster);
  const listedBefore = sweep.listed.get(clusterId);
  sweep.listed.set(clusterId, { groupIds: new Set(allListed.map((group) => group.groupId)), at: Date.now() });
  const listed = allListed.filter(
    (group) =>
      onlyGroup(group.groupId) &&
      !paged.has(group.groupId) &&
      (group.protocolType === "consumer" || group.protocolType === ""),
  );
  const described = await describeGroups(
    cluster,
    listed.map((group) => group.groupId),
  );
  const resumable = [...described].some((group) => !tracked.has(group.groupId))
    ? await findOpenRebalances(clusterId)
    : new Map();
  const observedAt = Date.now();
  let written = 0;
  const seen = new Set<string>();
  for (const group of described) {
    // A page's watcher may have seen the group since this sweep last did: go on from the newer view.
    const fromWatcher = takeFromWatcher(clusterId, group.groupId);
    // "Dead": gone a moment ago, or a KIP-848 group the classic DescribeGroups cannot see into.
    if (group.state === "Dead") continue;
    seen.add(group.groupId);
    // Not listed by the last sweep: the group is new, or was deleted and created again. What was
    // tracked of it (or left open in the database) belongs to the group that is gone.
    const isNew = listedBefore !== undefined && !listedBefore.groupIds.has(group.groupId);
    const previous = isNew
      ? fromWatcher && fromWatcher.tracker.lastObservedAt > listedBefore.at
        ? fromWatcher
        : undefined
      : newerOf(tracked.get(group.groupId), fromWatcher);
    const resumed = previous || isNew ? undefined : resumable.get(group.groupId);
    const resumedOpen = resumed
      ? { detectedAt: resumed.detectedAt, stateChanges: resumed.stateChanges, before: resumed.before, members: [] }
      : null;
    const seeded =
      previous?.tracker ??
      (resumed
        ? undefined
        : isNew
          ? newGroupTracker(listedBefore.at, "gone")
          : await firstSight(cluster, group, observedAt));
    const step = trackSnapshot(seeded, group, observedAt, resumedOpen);
    let openId = previous ? previous.openId : (resumed?.id ?? null);
    // A page may have opened while we described: its watcher owns the group now.
    if (step.action && !watchedByPage().has(group.groupId)) {
      ({ openId } = await storeTrackerAction(cluster, group.groupId, step.action, openId));
      written += 1;
    }
    tracked.set(group.groupId, { tracker: step.state, openId });
  }
  // Forget groups that are gone or now watched by a page; seeing them again starts afresh.
  for (const groupId of tracked.keys()) if (!seen.has(groupId)) tracked.delete(groupId);
  return written;
}

/** Groups of the cluster whose rebalances a page's watcher stores now, on any web server. */
async function groupsWatchedByLease(clusterId: string): Promise<string[]> {
  const prefix = `${WATCH_LEASE_PREFIX}${clusterId}/`;
  const now = Date.now();
  return (await listLeases()).flatMap((lease) =>
    lease.name.startsWith(prefix) && lease.expiresAt.getTime() > now ? [lease.name.slice(prefix.length)] : [],
  );
}

export const REBALANCE_SWEEP_WORKER = "groups.rebalance-sweep";

/**
 * Starts the sweep of every registered cluster for the life of the server (once; later calls do
 * nothing), as a one-server worker: two web servers on one database would store each rebalance twice.
 */
export function startRebalanceSweep(intervalMs = env.REBALANCE_SWEEP_SECONDS * 1_000): void {
  if (intervalMs <= 0) return;
  const failures = new Map<string, number>();
  const skipUntil = new Map<string, number>();
  startWorker({
    name: REBALANCE_SWEEP_WORKER,
    description: `Records the rebalances of consumer groups nobody has open, every ${intervalMs / 1000} s.`,
    intervalMs,
    scope: "one-server",
    // What this process tracked is stale once another server has swept since: start afresh, resuming
    // from the database the rebalances the other holder left open.
    onLeaseTaken: () => {
      sweep.memory.clear();
      sweep.listed.clear();
    },
    runOnce: async (signal) => {
      const clusters = await listClusters();
      const failed: string[] = [];
      for (const { id } of clusters) {
        if (signal.aborted) break;
        if ((skipUntil.get(id) ?? 0) > Date.now()) continue;
        try {
          await sweepRebalancesOnce(id);
          failures.delete(id);
        } catch (error) {
          // Kafka or the database is down: try this cluster less often until it answers again.
          const count = (failures.get(id) ?? 0) + 1;
          failures.set(id, count);
          skipUntil.set(id, Date.now() + retryDelayMs(count));
          failed.push(`cluster ${id}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      // The other clusters were swept; the status shows which could not be.
      if (failed.length > 0) throw new SweepIncomplete(`Could not sweep ${failed.join("; ")}`);
    },
    retryDelayMs: () => intervalMs,
  });
}

/** Some clusters could not be swept this pass (each retried on its own back-off, the others on time). */
class SweepIncomplete extends Error {}
