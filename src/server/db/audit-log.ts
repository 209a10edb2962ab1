import "server-only";
import type { TAuditFilter, TAuditRow } from "~/domain/audit/audit-filter";
import type { Prisma } from "./generated/client";
import { getDb } from "./client";
import { withDatabase } from "./database-errors";

function whereOf(filter: TAuditFilter, before?: string): Prisma.AuditEventWhereInput {
  const contains = (value: string | undefined) =>
    value ? { contains: value, mode: "insensitive" as const } : undefined;
  return {
    // The actor filter finds a person by id or by the name the row stored.
    OR: filter.actor ? [{ actor: contains(filter.actor) }, { actorName: contains(filter.actor) }] : undefined,
    action: contains(filter.action),
    clusterId: filter.clusterId,
    target: contains(filter.target),
    outcome: filter.outcome,
    at: filter.from || filter.to ? { gte: dateOrUndefined(filter.from), lt: dateOrUndefined(filter.to) } : undefined,
    id: before ? { lt: BigInt(before) } : undefined,
  };
}

const dateOrUndefined = (value: string | undefined) => (value ? new Date(value) : undefined);

const SELECT = {
  id: true,
  at: true,
  completedAt: true,
  actor: true,
  actorName: true,
  action: true,
  clusterId: true,
  cluster: { select: { name: true } },
  target: true,
  outcome: true,
  reason: true,
  ip: true,
  userAgent: true,
  details: true,
} as const;

type TSelected = Prisma.AuditEventGetPayload<{ select: typeof SELECT }>;

function toRow(row: TSelected): TAuditRow {
  return {
    id: row.id.toString(),
    at: row.at.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    actor: row.actor,
    actorName: row.actorName,
    action: row.action,
    clusterId: row.clusterId,
    clusterName: row.cluster?.name ?? null,
    target: row.target,
    outcome: row.outcome as TAuditRow["outcome"],
    reason: row.reason,
    ip: row.ip,
    userAgent: row.userAgent,
    details: row.details,
  };
}

/**
 * Rows matching `filter`, newest first, older than the row `before`. Ids grow with time, so paging
 * by id is exact even when rows arrive between two pages.
 */
export async function findAuditRows(filter: TAuditFilter, options: { before?: string; take: number }) {
  const rows = await withDatabase(() =>
    getDb().auditEvent.findMany({
      where: whereOf(filter, options.before),
      orderBy: { id: "desc" },
      take: options.take,
      select: SELECT,
    }),
  );
  return rows.map(toRow);
}

/** Deletes rows that started before `cutoff`; returns how many. */
export async function deleteAuditRowsBefore(cutoff: Date): Promise<number> {
  const { count } = await withDatabase(() => getDb().auditEvent.deleteMany({ where: { at: { lt: cutoff } } }));
  return count;
}
