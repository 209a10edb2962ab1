import "server-only";
import { env } from "~/env";
import type { TCluster } from "~/domain/cluster";
import { AppError } from "~/lib/app-error";
import {
  findClusterRow,
  listClusterRows,
  toClusterDto,
  upsertDefaultClusterRow,
  type TClusterRow,
} from "~/server/db/clusters";
import type { TClusterSecurity } from "~/server/kafka/connection/kafka-config";
import { securityOf } from "./cluster-security";

/**
 * A registered cluster as the server uses it: the API's view plus its connection security with the
 * secrets decrypted. Procedures return it through `ZCluster` (their output schema), which drops `security`.
 */
export type TRegisteredCluster = TCluster & { security: TClusterSecurity };

function toRegistered(row: TClusterRow): TRegisteredCluster {
  return { ...toClusterDto(row), security: securityOf(row) };
}

const registeredKey = Symbol.for("tributary.defaultClusterRegistered");
const cacheKey = Symbol.for("tributary.clusterRegistryCache");

/** The last registry read from PostgreSQL: what Kafka-only pages use while the database is away. */
type TRegistryCache = { list: TRegisteredCluster[] | null; byId: Map<string, TRegisteredCluster> };
type GlobalWithRegistry = typeof globalThis & {
  [registeredKey]?: Promise<TClusterRow>;
  [cacheKey]?: TRegistryCache;
};

const holder = globalThis as GlobalWithRegistry;
// On globalThis so that dev reloads keep the cache, like the Kafka client registry.
const cache = (holder[cacheKey] ??= { list: null, byId: new Map() });

const isUnreachable = (error: unknown) => error instanceof AppError && error.code === "DATABASE_UNREACHABLE";

/**
 * The cluster named by KAFKA_CLUSTER_NAME / KAFKA_BROKERS is registered on first use in each server
 * process, so pointing Tributary at another cluster is a restart with another KAFKA_BROKERS.
 */
export function ensureDefaultCluster(): Promise<TClusterRow> {
  const pending = (holder[registeredKey] ??= upsertDefaultClusterRow(env.KAFKA_CLUSTER_NAME, env.KAFKA_BROKERS));
  // A failed attempt (database down) is forgotten so that the next request tries again.
  pending.catch(() => {
    if (holder[registeredKey] === pending) holder[registeredKey] = undefined;
  });
  return pending;
}

/**
 * The registered clusters. Every call asks PostgreSQL (another server may have registered one);
 * while it is unreachable the last answer is served, so the Kafka pages keep working, and the next
 * call after it is back reads it again — no restart.
 */
export async function listClusters(): Promise<TRegisteredCluster[]> {
  try {
    await ensureDefaultCluster();
    const list = (await listClusterRows()).map(toRegistered);
    cache.list = list;
    cache.byId = new Map(list.map((cluster) => [cluster.id, cluster]));
    return list;
  } catch (error) {
    if (!isUnreachable(error)) throw error;
    if (cache.list) return cache.list;
    // Down since this server started: there is no earlier answer to serve.
    throw new AppError(
      "DATABASE_UNREACHABLE",
      "Tributary's database (PostgreSQL) is unreachable, and the clusters are registered there, so none can be listed yet.",
      "Check that PostgreSQL is running and that DATABASE_URL points at it; this page carries on by itself once it answers.",
      { cause: error },
    );
  }
}

export async function getCluster(clusterId: string): Promise<TRegisteredCluster> {
  let cluster: TRegisteredCluster | null;
  try {
    const row = await findClusterRow(clusterId);
    cluster = row && toRegistered(row);
  } catch (error) {
    const cached = cache.byId.get(clusterId);
    if (isUnreachable(error) && cached) return cached;
    throw error;
  }
  if (!cluster) {
    cache.byId.delete(clusterId);
    throw new AppError("NOT_FOUND", "This cluster is not registered in Tributary.", "Pick a cluster from the list.");
  }
  cache.byId.set(clusterId, cluster);
  return cluster;
}
