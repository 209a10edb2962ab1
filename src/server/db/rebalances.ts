import "server-only";
import type { TGroupMember } from "~/domain/groups/group-dto";
import { memberHost } from "~/domain/groups/member-host";
import type { TMovedPartition, TRebalanceMember } from "~/domain/groups/rebalance-diff";
import type { TRebalancePage, TRebalanceRecord } from "~/domain/groups/rebalance-record";
import type { TStateChange } from "~/domain/groups/rebalance-tracker";
import type { GroupRebalance, Prisma } from "./generated/client";
import { getDb } from "./client";
import { withDatabase } from "./database-errors";

/** The fields a watcher writes; id and cluster/group identify the row. */
export type TRebalanceWrite = Omit<TRebalanceRecord, "id" | "clusterId" | "groupId">;

const json = (value: unknown) => value as Prisma.InputJsonValue;
const optionalJson = (value: unknown) => (value === null ? undefined : (value as Prisma.InputJsonValue));

function toData(write: Partial<TRebalanceWrite>) {
  return {
    detectedAt: write.detectedAt === undefined ? undefined : new Date(write.detectedAt),
    completedAt:
      write.completedAt === undefined ? undefined : write.completedAt === null ? null : new Date(write.completedAt),
    durationMs: write.durationMs,
    generation: write.generation,
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
      orderBy: [{ detectedAt: "desc" }, { id: "desc" }],
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

/** Newest first. */
export function listRebalances(filter: {
  clusterId: string;
  groupId: string;
  skip: number;
  take: number;
}): Promise<TRebalancePage> {
  const where = { clusterId: filter.clusterId, groupId: filter.groupId };
  return withDatabase(async () => {
    const [rows, total] = await Promise.all([
      getDb().groupRebalance.findMany({
        where,
        orderBy: [{ detectedAt: "desc" }, { id: "desc" }],
        skip: filter.skip,
        take: filter.take,
      }),
      getDb().groupRebalance.count({ where }),
    ]);
    return { items: rows.map(toRecord), total };
  });
}

/** Retention: removes every rebalance detected before `cutoff`; returns how many. */
export function deleteRebalancesBefore(cutoff: Date): Promise<number> {
  return withDatabase(async () => {
    const { count } = await getDb().groupRebalance.deleteMany({ where: { detectedAt: { lt: cutoff } } });
    return count;
  });
}
