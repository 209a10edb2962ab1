import "server-only";
import type { Prisma } from "./generated/client";
import { getDb } from "./client";
import { withDatabase } from "./database-errors";

export type TAuditOutcome = "pending" | "ok" | "error";

export type TAuditEvent = {
  actor: string;
  actorName: string;
  /** Dotted verb, e.g. "topic.create". */
  action: string;
  clusterId: string | null;
  target: string | null;
  details: Record<string, unknown> | null;
  outcome: TAuditOutcome;
  ip: string | null;
  userAgent: string | null;
};

const json = (details: Record<string, unknown> | null | undefined) =>
  (details ?? undefined) as Prisma.InputJsonValue | undefined;

/** Writes one row and returns its id (as a string: ids are BIGINT). A completed read sets completedAt at once. */
export async function recordAuditEvent(event: TAuditEvent): Promise<string> {
  const row = await withDatabase(() =>
    getDb().auditEvent.create({
      data: {
        ...event,
        details: json(event.details),
        completedAt: event.outcome === "pending" ? null : new Date(),
      },
      select: { id: true },
    }),
  );
  return row.id.toString();
}

/** Completes a pending row with its outcome, the reason a failure gave, and details learnt on the way. */
export async function completeAuditEvent(
  id: string,
  completion: { outcome: "ok" | "error"; reason: string | null; details: Record<string, unknown> | null },
): Promise<void> {
  await withDatabase(() =>
    getDb().auditEvent.update({
      where: { id: BigInt(id) },
      data: {
        outcome: completion.outcome,
        reason: completion.reason,
        details: json(completion.details),
        completedAt: new Date(),
      },
    }),
  );
}

/** The newest events first, for tests. The audit page reads through audit-log.ts. */
export function listAuditEvents(filter: { clusterId?: string; action?: string; take: number }) {
  return withDatabase(() =>
    getDb().auditEvent.findMany({
      where: { clusterId: filter.clusterId, action: filter.action },
      orderBy: { id: "desc" },
      take: filter.take,
      select: {
        actor: true,
        actorName: true,
        action: true,
        target: true,
        outcome: true,
        reason: true,
        details: true,
        ip: true,
        userAgent: true,
        completedAt: true,
      },
    }),
  );
}
