import "server-only";
import type { TCluster } from "~/domain/cluster";
import type { Actor } from "~/server/auth/actor";
import { recordAuditEvent } from "~/server/db/audit";
import { setClusterReadOnly } from "~/server/db/clusters";
import { getCluster } from "./registered-clusters";

/**
 * Marks a cluster read-only (every change through Tributary is refused) or lifts it. Not through
 * `audited()`, which refuses read-only clusters — lifting the mode must work — but audited all the same.
 */
export async function changeClusterReadOnly(actor: Actor, clusterId: string, isReadOnly: boolean): Promise<TCluster> {
  const cluster = await getCluster(clusterId);
  await setClusterReadOnly(cluster.id, isReadOnly);
  await recordAuditEvent({
    actor: actor.id,
    action: isReadOnly ? "cluster.set-read-only" : "cluster.lift-read-only",
    clusterId: cluster.id,
    target: cluster.name,
    details: null,
    outcome: "ok",
  });
  return { ...cluster, isReadOnly };
}
