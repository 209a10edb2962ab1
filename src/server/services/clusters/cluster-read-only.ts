import "server-only";
import type { TCluster } from "~/domain/cluster";
import { setClusterReadOnly } from "~/server/db/clusters";
import { auditedAction, type TAuditActor } from "../audit/audited";
import { getCluster } from "./registered-clusters";

/**
 * Marks a cluster read-only (every change through Tributary is refused) or lifts it. Not through
 * `audited()`, which refuses read-only clusters — lifting the mode must work — but audited all the same.
 */
export async function changeClusterReadOnly(
  by: TAuditActor,
  clusterId: string,
  isReadOnly: boolean,
): Promise<TCluster> {
  const cluster = await getCluster(clusterId);
  const action = isReadOnly ? "cluster.set-read-only" : "cluster.lift-read-only";
  await auditedAction({ by, action, clusterId: cluster.id, target: cluster.name }, () =>
    setClusterReadOnly(cluster.id, isReadOnly),
  );
  return { ...cluster, isReadOnly };
}
