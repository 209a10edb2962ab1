import "server-only";
import { env } from "~/env";
import type { TRebalanceRecord } from "~/domain/groups/rebalance-record";
import { provisionalMembers, type TTrackerAction } from "~/domain/groups/rebalance-tracker";
import { incarnationOf } from "~/domain/groups/incarnation";
import {
  deleteRebalancesBefore,
  findRebalanceIncarnation,
  findStoredIncarnation,
  insertRebalance,
  updateRebalance,
} from "~/server/db/rebalances";
import type { ClusterTarget } from "~/server/kafka/client-registry";
import { currentGeneration } from "./group-generations";

const DAY_MS = 86_400_000;

/** Deletes rebalances older than the retention (REBALANCE_HISTORY_DAYS); returns how many. */
export function pruneRebalanceHistory(now = Date.now(), days = env.REBALANCE_HISTORY_DAYS): Promise<number> {
  return deleteRebalancesBefore(new Date(now - days * DAY_MS));
}

/**
 * The incarnation to store a rebalance in. The row being completed keeps the incarnation it was
 * opened in when that is higher: a rebalance resumed after a restart no longer knows that the
 * group had been gone.
 */
async function incarnationFor(
  clusterId: string,
  groupId: string,
  rebalance: TTrackerAction["rebalance"],
  generation: number | null,
  openId: string | null,
): Promise<number> {
  const [stored, own] = await Promise.all([
    findStoredIncarnation(clusterId, groupId, openId),
    openId === null ? null : findRebalanceIncarnation(openId),
  ]);
  return Math.max(incarnationOf(stored, rebalance.restart, generation), own ?? 1);
}

/**
 * Stores what the tracker decided. `openId` is the row of the rebalance in progress; the result
 * says which row changed and which stays open. A completed rebalance is stored with the group's
 * generation: the watcher passes the one it read with the snapshot that completed it (taken after
 * Kafka logged it); otherwise it is read now.
 */
export async function storeTrackerAction(
  cluster: ClusterTarget,
  groupId: string,
  action: TTrackerAction,
  openId: string | null,
  generationNow?: number | null,
): Promise<{ changed: TRebalanceRecord; openId: string | null }> {
  const clusterId = cluster.id;
  const { rebalance } = action;
  if (action.kind === "start" || (action.kind === "progress" && openId === null)) {
    const changed = await insertRebalance(clusterId, groupId, {
      detectedAt: rebalance.detectedAt,
      completedAt: null,
      durationMs: null,
      generation: null,
      incarnation: await incarnationFor(clusterId, groupId, rebalance, null, null),
      stateChanges: rebalance.stateChanges,
      ...provisionalMembers(rebalance),
      before: rebalance.before,
      after: null,
      moved: [],
    });
    return { changed, openId: changed.id };
  }
  if (action.kind === "progress") {
    const update = { stateChanges: rebalance.stateChanges, ...provisionalMembers(rebalance) };
    return { changed: await updateRebalance(openId!, update), openId };
  }
  const done = action.rebalance;
  const generation = generationNow === undefined ? await currentGeneration(cluster, groupId) : generationNow;
  const completesOpen = action.kind === "complete" && openId !== null;
  const result = {
    completedAt: done.completedAt,
    durationMs: done.durationMs,
    generation,
    incarnation: await incarnationFor(clusterId, groupId, done, generation, completesOpen ? openId : null),
    stateChanges: done.stateChanges,
    joined: done.diff.joined,
    left: done.diff.left,
    after: done.after,
    moved: done.diff.moved,
  };
  const changed = completesOpen
    ? await updateRebalance(openId, result)
    : await insertRebalance(clusterId, groupId, {
        ...result,
        detectedAt: done.detectedAt,
        before: done.before,
      });
  // Retention runs on each completed rebalance: rare enough to be cheap, frequent enough to bound the table.
  await pruneRebalanceHistory();
  return { changed, openId: null };
}
