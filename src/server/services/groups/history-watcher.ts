import "server-only";
import type { TRebalanceRecord, TRebalanceWatchEvent } from "~/domain/groups/rebalance-record";
import { trackSnapshot, type TOpenRebalance, type TTrackerState } from "~/domain/groups/rebalance-tracker";
import { AppError } from "~/lib/app-error";
import { findNewestRebalance, findOpenRebalance } from "~/server/db/rebalances";
import { describeGroups } from "~/server/kafka/groups/describe-groups";
import { SharedPolls } from "~/server/live/shared-polls";
import { retryDelayMs } from "../clusters/cluster-health";
import { getCluster } from "../clusters/registered-clusters";
import { currentGeneration } from "./group-generations";
import { firstSight, leaveForSweep } from "./history-handoff";
import { pruneRebalanceHistory, storeTrackerAction } from "./history-store";
import { releaseLease, tryTakeLease } from "~/server/db/worker-leases";
import { processHolderId } from "~/server/workers/process-identity";

/** DescribeGroups every half second: a rebalance shows within about a second of starting. */
export const HISTORY_POLL_MS = 500;

type TWatchState = {
  event: TRebalanceWatchEvent;
  /** undefined until the first snapshot was tracked. */
  tracker: TTrackerState | undefined;
  openId: string | null;
  /** The group's newest stored rebalance; undefined until read once. */
  newest: TRebalanceRecord | null | undefined;
  revision: number;
  failures: number;
  /** When this process last took or renewed the group's watch lease; null while another server's watcher stores. */
  leaseAt: number | null;
};

const keyOf = (clusterId: string, groupId: string) => JSON.stringify([clusterId, groupId]);

/** A rebalance a stopped watcher (or a restart) left open is picked up again, not left dangling. */
async function resumeOpen(clusterId: string, groupId: string): Promise<{ id: string; open: TOpenRebalance } | null> {
  // Retention also runs whenever a watcher starts, so history expires even in a group that stopped rebalancing.
  await pruneRebalanceHistory();
  const row = await findOpenRebalance(clusterId, groupId);
  if (!row) return null;
  const open = { detectedAt: row.detectedAt, stateChanges: row.stateChanges, before: row.before, members: [] };
  return { id: row.id, open };
}

/**
 * Several web servers may have pages open on one group: only the watcher holding the group's watch
 * lease stores its rebalances; the others read what it stored, so each rebalance is stored once.
 * The sweep leaves a group with a live watch lease to that watcher, whichever server it runs on.
 */
const WATCH_LEASE_TTL_MS = 10_000;
const WATCH_LEASE_RENEW_MS = 3_000;
export const WATCH_LEASE_PREFIX = "groups.rebalance-watch ";
export const watchLeaseName = (clusterId: string, groupId: string) => `${WATCH_LEASE_PREFIX}${clusterId}/${groupId}`;

/** Takes or renews the lease when due; the time it was held from, or null when another server holds it. */
async function keepWatchLease(clusterId: string, groupId: string, previous: TWatchState | undefined) {
  const now = Date.now();
  if (previous?.leaseAt != null && now - previous.leaseAt < WATCH_LEASE_RENEW_MS) return previous.leaseAt;
  const held = await tryTakeLease(watchLeaseName(clusterId, groupId), processHolderId(), WATCH_LEASE_TTL_MS);
  return held ? now : null;
}

async function tick(key: string, previous: TWatchState | undefined) {
  const [clusterId, groupId] = JSON.parse(key) as [string, string];
  const revision = previous?.revision ?? 0;
  try {
    const cluster = await getCluster(clusterId);
    const leaseAt = await keepWatchLease(clusterId, groupId, previous);
    // Newly the storing watcher: what it tracked while another stored is stale; resume from the database.
    const tracked = leaseAt !== null && previous?.leaseAt != null ? previous.tracker : undefined;
    const [group] = await describeGroups(cluster, [groupId]);
    const snapshot = { state: group?.state ?? "Dead", members: group?.members ?? [] };
    const observedAt = Date.now();
    // Read after the snapshot: a group described as Stable has logged the generation it settled in.
    // A Dead group has none (and on a cluster without any group, __consumer_offsets does not exist).
    const generation = snapshot.state === "Dead" ? null : await currentGeneration(cluster, groupId);
    let changed: TRebalanceRecord | null = null;
    let tracker: TTrackerState | undefined;
    let openId: string | null = null;
    let stored: TRebalanceRecord | null;
    if (leaseAt === null) {
      // Another server's watcher stores: show what it stored, as a change when it is new.
      stored = await findNewestRebalance(clusterId, groupId);
      if (stored && previous?.newest !== undefined && !sameRecord(stored, previous.newest)) changed = stored;
    } else {
      const resumed = tracked ? null : await resumeOpen(clusterId, groupId);
      const seeded = tracked ?? (resumed || !group ? undefined : await firstSight(cluster, group, observedAt));
      const step = trackSnapshot(seeded, snapshot, observedAt, resumed?.open ?? null);
      openId = tracked ? (previous?.openId ?? null) : (resumed?.id ?? null);
      if (step.action) {
        ({ changed, openId } = await storeTrackerAction(cluster, groupId, step.action, openId, generation));
      }
      tracker = step.state;
      leaveForSweep(clusterId, groupId, { tracker: step.state, openId });
      stored = previous?.newest === undefined ? await findNewestRebalance(clusterId, groupId) : previous.newest;
    }
    const newest = changed && (!stored || changed.detectedAt >= stored.detectedAt) ? changed : stored;
    const nextRevision = changed ? revision + 1 : revision;
    const value: TWatchState = {
      event: {
        status: "ok",
        observedAt,
        state: snapshot.state,
        memberCount: snapshot.members.length,
        generation,
        revision: nextRevision,
        changed,
        newest,
      },
      tracker,
      openId,
      newest,
      revision: nextRevision,
      failures: 0,
      leaseAt,
    };
    return { value, nextInMs: HISTORY_POLL_MS };
  } catch (error) {
    // Kafka or the database is down: keep what was tracked, so the rebalance resumes when it answers.
    const failures = (previous?.failures ?? 0) + 1;
    const retryInMs = retryDelayMs(failures);
    const appError = error instanceof AppError ? error : new AppError("INTERNAL", "Watching the group failed.");
    const value: TWatchState = {
      event: {
        status: "unreachable",
        observedAt: Date.now(),
        message: appError.message,
        hint: appError.hint ?? null,
        retryInMs,
      },
      tracker: previous?.tracker,
      openId: previous?.openId ?? null,
      newest: previous?.newest,
      revision,
      failures,
      leaseAt: previous?.leaseAt ?? null,
    };
    return { value, nextInMs: retryInMs };
  }
}

/** The same stored rebalance in the same stage (completed or not). */
function sameRecord(a: TRebalanceRecord, b: TRebalanceRecord | null): boolean {
  return b !== null && a.id === b.id && a.completedAt === b.completedAt;
}

// On globalThis so that Next's dev reloads keep one watcher per group instead of a second one that
// would store every rebalance twice.
const pollsKey = Symbol.for("tributary.groups.history.polls");
type GlobalWithPolls = typeof globalThis & { [pollsKey]?: SharedPolls<TWatchState> };
const historyPolls = ((globalThis as GlobalWithPolls)[pollsKey] ??= new SharedPolls<TWatchState>(tick, {
  describe: (key) => {
    const [clusterId, groupId] = JSON.parse(key) as [string, string];
    return {
      name: `live.rebalances ${clusterId}/${groupId}`,
      description: `Records the rebalances of ${groupId} within a second (DescribeGroups every ${HISTORY_POLL_MS} ms) while a page watches it.`,
    };
  },
  problemOf: (state) => (state.event.status === "unreachable" ? state.event.message : null),
  // The last page closed: give the group back to the sweep (on whichever server holds it) at once.
  onEnd: (key, latest) => {
    if (latest?.leaseAt == null) return;
    const [clusterId, groupId] = JSON.parse(key) as [string, string];
    void releaseLease(watchLeaseName(clusterId, groupId), processHolderId()).catch(() => undefined);
  },
}));

function sameEvent(a: TRebalanceWatchEvent, b: TRebalanceWatchEvent): boolean {
  if (a.status === "ok" && b.status === "ok") {
    return (
      a.revision === b.revision &&
      a.state === b.state &&
      a.memberCount === b.memberCount &&
      a.generation === b.generation
    );
  }
  return a.status === b.status && a.status === "unreachable" && b.status === "unreachable" && a.message === b.message;
}

/**
 * The group's live state and generation and every stored change to its rebalances, from one
 * snapshot per tick. All subscribers of one group share one poll loop; events repeat only when
 * something a page shows has changed.
 */
export async function* watchGroupHistory(
  clusterId: string,
  groupId: string,
  signal?: AbortSignal,
): AsyncGenerator<TRebalanceWatchEvent> {
  let last: TRebalanceWatchEvent | undefined;
  for await (const { event } of historyPolls.subscribe(keyOf(clusterId, groupId), signal)) {
    if (last && sameEvent(last, event)) continue;
    last = event;
    yield event;
  }
}

/** Watches a group without an open page (e.g. from boot); call the result to stop. */
export function watchGroup(clusterId: string, groupId: string): () => void {
  const controller = new AbortController();
  void (async () => {
    for await (const _event of historyPolls.subscribe(keyOf(clusterId, groupId), controller.signal)) {
      // Only keeps the shared loop alive; the loop itself stores the rebalances.
    }
  })();
  return () => controller.abort();
}

/** [clusterId, groupId] of every group watched now (tests and diagnostics). */
export function activeHistoryWatches(): [string, string][] {
  return historyPolls.activeKeys().map((key) => JSON.parse(key) as [string, string]);
}
