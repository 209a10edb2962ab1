import "server-only";
import type { TCluster } from "~/domain/cluster";
import { AppError } from "~/lib/app-error";
import type { Actor } from "~/server/auth/actor";
import { completeAuditEvent, recordAuditEvent } from "~/server/db/audit";
import { auditRefusal } from "./audit-refusal";
import { refuseReadOnly } from "../clusters/registered-clusters";

/**
 * Who asks, and from where: the tRPC context has exactly this shape, so procedures pass `ctx`.
 * `client` is absent for in-process callers (tests, server-side prefetch).
 */
export type TAuditActor = { actor: Actor; client?: { ip: string | null; userAgent: string | null } };

type TAuditedChange = {
  by: TAuditActor;
  action: string;
  cluster: TCluster;
  target: string;
  details?: Record<string, unknown>;
};

type TAuditedOptions<T> = {
  /** Details only known once the change is made (e.g. the offsets read back after a reset). */
  completion?: (result: T) => Record<string, unknown>;
};

const whoAndWhere = (by: TAuditActor) => ({
  actor: by.actor.id,
  actorName: by.actor.name,
  ip: by.client?.ip ?? null,
  userAgent: by.client?.userAgent ?? null,
});

/**
 * Runs a change to a cluster between two writes of its audit row (see `auditedAction`). Read-only
 * clusters refuse every change before anything else.
 */
export async function audited<T>(
  change: TAuditedChange,
  work: () => Promise<T>,
  options: TAuditedOptions<T> = {},
): Promise<T> {
  refuseReadOnly(change.cluster);
  const { cluster, ...rest } = change;
  return auditedAction({ ...rest, clusterId: cluster.id }, work, options);
}

type TAuditedAction = Omit<TAuditedChange, "cluster"> & { clusterId: string | null };

/** A change's audit row, written as "pending": complete it once, as ok or with the sentence the user saw. */
export type TOpenAudit = {
  succeed: (learnt?: Record<string, unknown>) => Promise<void>;
  fail: (reason: string) => Promise<void>;
};

/**
 * Writes the pending row of a change or refuses it (see `auditedAction`). When the first write
 * fails the change is refused, so no change is ever made without its row.
 */
async function openAuditRow(change: TAuditedAction): Promise<TOpenAudit> {
  const details = change.details ?? null;
  const id = await recordAuditEvent({
    ...whoAndWhere(change.by),
    action: change.action,
    clusterId: change.clusterId,
    target: change.target,
    details,
    outcome: "pending",
  }).catch((error: unknown) => {
    throw auditRefusal(error, "so the change was not made");
  });
  return {
    succeed: async (learnt) => {
      const completed = learnt ? { ...details, ...learnt } : details;
      await completeAuditEvent(id, { outcome: "ok", reason: null, details: completed }).catch(warnUncompleted(id));
    },
    fail: async (reason) => {
      await completeAuditEvent(id, { outcome: "error", reason, details }).catch(warnUncompleted(id));
    },
  };
}

/**
 * The row of a change that runs in steps and reports each (a streamed deploy), where `audited`'s
 * one callback does not fit. Read-only clusters refuse it before the row is written.
 */
export function openAudited(change: TAuditedChange): Promise<TOpenAudit> {
  refuseReadOnly(change.cluster);
  const { cluster, ...rest } = change;
  return openAuditRow({ ...rest, clusterId: cluster.id });
}

/**
 * Runs a change between two writes of its audit row: "pending" before anything is changed, then
 * "ok" or "error" with the reason. When the first write fails the change is refused, so no change
 * is ever made without its row. Changes to Kafka go through `audited`; this serves the rest
 * (accounts, a cluster's read-only mode).
 */
export async function auditedAction<T>(
  change: TAuditedAction,
  work: () => Promise<T>,
  options: TAuditedOptions<T> = {},
): Promise<T> {
  const row = await openAuditRow(change);
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await row.fail(error instanceof AppError ? error.message : "An unexpected error occurred on the Tributary server.");
    throw error;
  }
  await row.succeed(options.completion?.(result));
  return result;
}

/**
 * The change is made; only its completion could not be written (the database went away meanwhile).
 * Failing the request now would tell the user it was not made; the row stays "pending", which the
 * audit page shows as "outcome not recorded".
 */
const warnUncompleted = (id: string) => (error: unknown) => {
  console.warn(`Audit row ${id} could not be completed; it stays pending.`, error);
};

type TAuditedRead = {
  by: TAuditActor;
  action: string;
  clusterId: string | null;
  target: string | null;
  details?: Record<string, unknown>;
};

/**
 * Writes one audit row for a read of message data (browse, get, tail, search, export, key sample):
 * who looked at which topic's records. Reads are allowed on read-only clusters. When the row cannot
 * be written the read is refused: message data is only shown to someone the log can name.
 */
export async function recordRead(read: TAuditedRead): Promise<void> {
  await recordAuditEvent({
    ...whoAndWhere(read.by),
    action: read.action,
    clusterId: read.clusterId,
    target: read.target,
    details: read.details ?? null,
    outcome: "ok",
  }).catch((error: unknown) => {
    throw auditRefusal(error, "so the messages were not read");
  });
}
