import "server-only";
import type { TCluster } from "~/domain/cluster";
import { AppError } from "~/lib/app-error";
import type { Actor } from "~/server/auth/actor";
import { recordAuditEvent } from "~/server/db/audit";

type TAuditedChange = {
  actor: Actor;
  action: string;
  cluster: TCluster;
  target: string;
  details?: Record<string, unknown>;
};

/**
 * Runs a change to a cluster and writes one audit row, whether it worked or not. Read-only
 * clusters refuse every change before Kafka is asked.
 */
export async function audited<T>(change: TAuditedChange, work: () => Promise<T>): Promise<T> {
  refuseReadOnly(change.cluster);
  const row = {
    actor: change.actor.id,
    action: change.action,
    clusterId: change.cluster.id,
    target: change.target,
  };
  try {
    const result = await work();
    await recordAuditEvent({ ...row, details: change.details ?? null, outcome: "ok" });
    return result;
  } catch (error) {
    const reason = error instanceof AppError ? error.message : "unexpected error";
    await recordAuditEvent({ ...row, details: { ...change.details, reason }, outcome: "error" }).catch(() => undefined);
    throw error;
  }
}

/**
 * Throws the read-only sentence for a read-only cluster. `audited()` calls it; a change that asks
 * Kafka anything first (validation, previews) calls it itself, right after loading the cluster,
 * so a read-only cluster is refused before Kafka hears of the change at all.
 */
export function refuseReadOnly(cluster: TCluster): void {
  if (cluster.isReadOnly) {
    throw new AppError(
      "FORBIDDEN",
      `The cluster ${cluster.name} is read-only in Tributary, so it cannot be changed from here.`,
      "An admin can lift read-only mode on the cluster's overview.",
    );
  }
}

type TAuditedRead = Omit<TAuditedChange, "cluster"> & { clusterId: string };

/**
 * Writes one audit row for a read of message data (browse, tail, search, export): who looked at
 * which topic's records. Reads are allowed on read-only clusters, so nothing is refused here.
 */
export async function recordRead(read: TAuditedRead): Promise<void> {
  await recordAuditEvent({
    actor: read.actor.id,
    action: read.action,
    clusterId: read.clusterId,
    target: read.target,
    details: read.details ?? null,
    outcome: "ok",
  });
}
