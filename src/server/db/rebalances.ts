import "server-only";
import type { TGroupMember } from "~/domain/groups/group-dto";
import type { TStoredIncarnation } from "~/domain/groups/incarnation";
import { memberHost } from "~/domain/groups/member-host";
import type { TMovedPartition, TRebalanceMember } from "~/domain/groups/rebalance-diff";
import type { TRebalancePage, TRebalanceRecord } from "~/domain/groups/rebalance-record";
import type { TStateChange } from "~/domain/groups/rebalance-tracker";
import type { GroupRebalance, Prisma } from "./generated/client";
import { getDb } from "./client";
import { withDatabase } from "./database-errors";

/** The fields a watcher writes; id and cluster/group identify the row. The incarnation defaults to 1. */
export type TRebalanceWrite = Omit<TRebalanceRecord, "id" | "clusterId" | "groupId" | "incarnation"> & {
  incarnation?: number;
};

const NEWEST_FIRST = [{ detectedAt: "desc" as const }, { id: "desc" as const }];
const json = (value: unknown) => value as Prisma.InputJsonValue;
const optionalJson = (value: unknown) => (value === null ? undefined : (value as Prisma.InputJsonValue));

function toData(write: Partial<TRebalanceWrite>) {
  return {
    detectedAt: write.detectedAt === undefined ? undefined : new Date(write.detectedAt),
    completedAt:
      write.completedAt === undefined ? undefined : write.completedAt === null ? null : new Date(write.completedAt),
    durationMs: write.durationMs,
    generation: write.generation,
    incarnation: write.incarnation,
    stateChanges: write.stateChanges && json(write.stateChanges),
    joinedMembers: write.joined && json(write.joined),
    leftMembers: write.left && json(write.left),
    assignmentBefore: write.before === undefined ? undefined : optionalJson(write.before),
    assignmentAfter: write.after === undefined ? undefined : optionalJson(write.after),
    movedPartitions: write.moved && json(write.moved),
  };
}

/** Rows stored before hosts were cleaned read "/127.0.0.1": show them as the live page does. */
const cleanHosts = <T extends { host: string }>(members: T[]): T[] =>
  members.map((member) => ({ ...member, host: memberHost(member.host) }));
const cleanMembers = (members: TGroupMember[] | null) => (members ? cleanHosts(members) : null);

// The JSON columns are written only by this module, from the domain types above.
function toRecord(row: GroupRebalance): TRebalanceRecord {
  return {
    id: row.id.toString(),
    clusterId: row.clusterId,
    groupId: row.groupId,
    detectedAt: row.detectedAt.getTime(),
    completedAt: row.completedAt?.getTime() ?? null,
    durationMs: row.durationMs,
    generation: row.generation,
    incarnation: row.incarnation,
    stateChanges: row.stateChanges as TStateChange[],
    joined: cleanHosts(row.joinedMembers as TRebalanceMember[]),
    left: cleanHosts(row.leftMembers as TRebalanceMember[]),
    before: cleanMembers((row.assignmentBefore as TGroupMember[] | null) ?? null),
    after: cleanMembers((row.assignmentAfter as TGroupMember[] | null) ?? null),
    moved: row.movedPartitions as TMovedPartition[],
  };
}

export function insertRebalance(clusterId: string, groupId: string, write: TRebalanceWrite): Promise<TRebalanceRecord> {
  return withDatabase(async () => {
    const row = await getDb().groupRebalance.create({
      data: {
        ...toData(write),
        clusterId,
        groupId,
        detectedAt: new Date(write.detectedAt),
        stateChanges: json(write.stateChanges),
        joinedMembers: json(write.joined),
        leftMembers: json(write.left),
        movedPartitions: json(write.moved),
      },
    });
    return toRecord(row);
  });
}

export function updateRebalance(id: string, write: Partial<TRebalanceWrite>): Promise<TRebalanceRecord> {
  return withDatabase(async () =>
    toRecord(await getDb().groupRebalance.update({ where: { id: BigInt(id) }, data: toData(write) })),
  );
}

/** The newest rebalance of the group still marked in progress (left open by a stopped watcher). */
export function findOpenRebalance(clusterId: string, groupId: string): Promise<TRebalanceRecord | null> {
  return withDatabase(async () => {
    const row = await getDb().groupRebalance.findFirst({
      where: { clusterId, groupId, completedAt: null },
      orderBy: NEWEST_FIRST,
    });
    return row ? toRecord(row) : null;
  });
}

/** The newest open rebalance of every group of the cluster that has one, by group id. */
export function findOpenRebalances(clusterId: string): Promise<Map<string, TRebalanceRecord>> {
  return withDatabase(async () => {
    const rows = await getDb().groupRebalance.findMany({
      where: { clusterId, completedAt: null },
      orderBy: [{ detectedAt: "asc" }, { id: "asc" }],
    });
    // Ascending, so the newest row of a group is the one left in the map.
    return new Map(rows.map((row) => [row.groupId, toRecord(row)]));
  });
}

/** The group's newest stored rebalance, or null when none is stored. */
export function findNewestRebalance(clusterId: string, groupId: string): Promise<TRebalanceRecord | null> {
  return withDatabase(async () => {
    const row = await getDb().groupRebalance.findFirst({ where: { clusterId, groupId }, orderBy: NEWEST_FIRST });
    return row ? toRecord(row) : null;
  });
}

/**
 * The incarnation the group's stored history is in (that of its newest rebalance, leaving out
 * `exceptId`, the row being completed) and the highest generation stored in it; null when none.
 */
export function findStoredIncarnation(
  clusterId: string,
  groupId: string,
  exceptId: string | null,
): Promise<TStoredIncarnation | null> {
  return withDatabase(async () => {
    const others = { clusterId, groupId, ...(exceptId === null ? {} : { id: { not: BigInt(exceptId) } }) };
    const newest = await getDb().groupRebalance.findFirst({
      where: others,
      orderBy: NEWEST_FIRST,
      select: { incarnation: true },
    });
    if (!newest) return null;
    const highest = await getDb().groupRebalance.aggregate({
      where: { ...others, incarnation: newest.incarnation },
      _max: { generation: true },
    });
    return { incarnation: newest.incarnation, lastGeneration: highest._max.generation };
  });
}

/** The incarnation one stored rebalance was written with; null when the row is gone. */
export function findRebalanceIncarnation(id: string): Promise<number | null> {
  return withDatabase(async () => {
    const row = await getDb().groupRebalance.findUnique({ where: { id: BigInt(id) }, select: { incarnation: true } });
    return row?.incarnation ?? null;
  });
}

/** Newest first; `olderIncarnation` tells whether the newest rebalance of the next page is of another incarnation. */
export function listRebalances(filter: {
  clusterId: string;
  groupId: string;
  skip: number;
  take: number;
}): Promise<TRebalancePage> {
  const where = { clusterId: filter.clusterId, groupId: filter.groupId };
  return withDatabase(async () => {
    const [rows, total] = await Promise.all([
      // One more than the page: the first row of the next page says whether the group restarted in between.
      getDb().groupRebalance.findMany({ where, orderBy: NEWEST_FIRST, skip: filter.skip, take: filter.take + 1 }),
      getDb().groupRebalance.count({ where }),
    ]);
    const older = rows[filter.take];
    return { items: rows.slice(0, filter.take).map(toRecord), total, olderIncarnation: older?.incarnation ?? null };
  });
}

/** Retention: removes every rebalance detected before `cutoff`; returns how many. */
export function deleteRebalancesBefore(cutoff: Date): Promise<number> {
  return withDatabase(async () => {
    const { count } = await getDb().groupRebalance.deleteMany({ where: { detectedAt: { lt: cutoff } } });
    return count;
  });
}
