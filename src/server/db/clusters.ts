import "server-only";
import type { TCluster } from "~/domain/cluster";
import { getDb } from "./client";
import { withDatabase } from "./database-errors";

const SELECT = { id: true, name: true, bootstrapServers: true, isReadOnly: true } as const;

export function listClusterRecords(): Promise<TCluster[]> {
  return withDatabase(() => getDb().cluster.findMany({ select: SELECT, orderBy: { name: "asc" } }));
}

export function findClusterRecord(id: string): Promise<TCluster | null> {
  return withDatabase(() => getDb().cluster.findUnique({ where: { id }, select: SELECT }));
}

/** Registers a cluster under `name`, or points the existing one at `bootstrapServers`. */
export function upsertClusterByName(name: string, bootstrapServers: string): Promise<TCluster> {
  return withDatabase(() =>
    getDb().cluster.upsert({
      where: { name },
      create: { name, bootstrapServers },
      update: { bootstrapServers },
      select: SELECT,
    }),
  );
}

/** Forgets a cluster; its audit events stay, with their cluster reference cleared. */
export async function deleteClusterRecord(id: string): Promise<void> {
  await withDatabase(() => getDb().cluster.deleteMany({ where: { id } }));
}

/** Read-only clusters refuse every change made through Tributary. */
export async function setClusterReadOnly(id: string, isReadOnly: boolean): Promise<void> {
  await withDatabase(() => getDb().cluster.update({ where: { id }, data: { isReadOnly } }));
}
