import "server-only";
import type { Prisma } from "./generated/client";
import { getDb } from "./client";
import { withDatabase } from "./database-errors";

export type TAuditEvent = {
  actor: string;
  /** Dotted verb, e.g. "topic.create". */
  action: string;
  clusterId: string | null;
  target: string | null;
  details: Record<string, unknown> | null;
  outcome: "ok" | "error";
};

export async function recordAuditEvent(event: TAuditEvent): Promise<void> {
  await withDatabase(() =>
    getDb().auditEvent.create({
      data: { ...event, details: (event.details ?? undefined) as Prisma.InputJsonValue | undefined },
    }),
  );
}

/** The newest events first, for tests and (later) the audit page. */
export function listAuditEvents(filter: { clusterId?: string; action?: string; take: number }) {
  return withDatabase(() =>
    getDb().auditEvent.findMany({
      where: { clusterId: filter.clusterId, action: filter.action },
      orderBy: { id: "desc" },
      take: filter.take,
      select: { actor: true, action: true, target: true, outcome: true, details: true },
    }),
  );
}
