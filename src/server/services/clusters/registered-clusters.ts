import "server-only";
import { env } from "~/env";
import type { TCluster } from "~/domain/cluster";
import { AppError } from "~/lib/app-error";
import { findClusterRecord, listClusterRecords, upsertClusterByName } from "~/server/db/clusters";

const registeredKey = Symbol.for("tributary.defaultClusterRegistered");
type GlobalWithFlag = typeof globalThis & { [registeredKey]?: Promise<TCluster> };

/**
 * The cluster named by KAFKA_CLUSTER_NAME / KAFKA_BROKERS is registered on first use in each server
 * process, so pointing Tributary at another cluster is a restart with another KAFKA_BROKERS.
 */
export function ensureDefaultCluster(): Promise<TCluster> {
  const holder = globalThis as GlobalWithFlag;
  const pending = (holder[registeredKey] ??= upsertClusterByName(env.KAFKA_CLUSTER_NAME, env.KAFKA_BROKERS));
  // A failed attempt (database down) is forgotten so that the next request tries again.
  pending.catch(() => {
    if (holder[registeredKey] === pending) holder[registeredKey] = undefined;
  });
  return pending;
}

export async function listClusters(): Promise<TCluster[]> {
  await ensureDefaultCluster();
  return listClusterRecords();
}

export async function getCluster(clusterId: string): Promise<TCluster> {
  const cluster = await findClusterRecord(clusterId);
  if (!cluster) {
    throw new AppError("NOT_FOUND", "This cluster is not registered in Tributary.", "Pick a cluster from the list.");
  }
  return cluster;
}
