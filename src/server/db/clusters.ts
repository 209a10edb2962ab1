import "server-only";
import type { TCluster } from "~/domain/cluster";
import type { TClusterColour, TSaslMechanism } from "~/domain/cluster-settings";
import { getDb } from "./client";
import { withDatabase } from "./database-errors";

const SELECT = {
  id: true,
  name: true,
  bootstrapServers: true,
  isReadOnly: true,
  isDefault: true,
  label: true,
  colour: true,
  saslMechanism: true,
  saslUsername: true,
  saslPasswordEncrypted: true,
  tlsEnabled: true,
  tlsCaPem: true,
  tlsClientCertificatePem: true,
  tlsClientKeyEncrypted: true,
  tlsServerName: true,
} as const;

/** A `clusters` row as stored: secrets only as ciphertexts (services/secrets/secret-box.ts). */
export type TClusterRow = {
  id: string;
  name: string;
  bootstrapServers: string;
  isReadOnly: boolean;
  isDefault: boolean;
  label: string | null;
  colour: string | null;
  saslMechanism: string | null;
  saslUsername: string | null;
  saslPasswordEncrypted: string | null;
  tlsEnabled: boolean;
  tlsCaPem: string | null;
  tlsClientCertificatePem: string | null;
  tlsClientKeyEncrypted: string | null;
  tlsServerName: string | null;
};

/** The columns a change writes (everything but the id and the default flag). */
export type TClusterColumns = Omit<TClusterRow, "id" | "isDefault">;

/** The API's view of a row: settings and whether each secret is set, never the ciphertexts. */
export function toClusterDto(row: TClusterRow): TCluster {
  return {
    id: row.id,
    name: row.name,
    bootstrapServers: row.bootstrapServers,
    isReadOnly: row.isReadOnly,
    isDefault: row.isDefault,
    label: row.label,
    colour: row.colour as TClusterColour | null,
    sasl:
      row.saslMechanism === null
        ? null
        : {
            mechanism: row.saslMechanism as TSaslMechanism,
            username: row.saslUsername ?? "",
            hasPassword: row.saslPasswordEncrypted !== null,
          },
    tls: row.tlsEnabled
      ? {
          caPem: row.tlsCaPem,
          clientCertificatePem: row.tlsClientCertificatePem,
          hasClientKey: row.tlsClientKeyEncrypted !== null,
          serverName: row.tlsServerName,
        }
      : null,
  };
}

export function listClusterRows(): Promise<TClusterRow[]> {
  return withDatabase(() => getDb().cluster.findMany({ select: SELECT, orderBy: { name: "asc" } }));
}

export function findClusterRow(id: string): Promise<TClusterRow | null> {
  return withDatabase(() => getDb().cluster.findUnique({ where: { id }, select: SELECT }));
}

export async function findClusterRecord(id: string): Promise<TCluster | null> {
  const row = await findClusterRow(id);
  return row && toClusterDto(row);
}

/** Registers a plaintext cluster under `name`, or points the existing one at `bootstrapServers` (tests). */
export async function upsertClusterByName(name: string, bootstrapServers: string): Promise<TCluster> {
  const row = await withDatabase(() =>
    getDb().cluster.upsert({
      where: { name },
      create: { name, bootstrapServers },
      update: { bootstrapServers },
      select: SELECT,
    }),
  );
  return toClusterDto(row);
}

/** Registers KAFKA_BROKERS' cluster as the one default (any other loses the flag). */
export function upsertDefaultClusterRow(name: string, bootstrapServers: string): Promise<TClusterRow> {
  return withDatabase(() =>
    getDb().$transaction(async (db) => {
      await db.cluster.updateMany({ where: { isDefault: true, NOT: { name } }, data: { isDefault: false } });
      return db.cluster.upsert({
        where: { name },
        create: { name, bootstrapServers, isDefault: true },
        update: { bootstrapServers, isDefault: true },
        select: SELECT,
      });
    }),
  );
}

/** Inserts a cluster with the given id (the id is part of its secrets' authenticated context). */
export function insertClusterRow(id: string, columns: TClusterColumns): Promise<TClusterRow> {
  return withDatabase(() => getDb().cluster.create({ data: { id, ...columns }, select: SELECT }));
}

export function updateClusterRow(id: string, columns: TClusterColumns): Promise<TClusterRow> {
  return withDatabase(() => getDb().cluster.update({ where: { id }, data: columns, select: SELECT }));
}

export function isClusterNameTaken(name: string, exceptId: string | null): Promise<boolean> {
  return withDatabase(async () => {
    const found = await getDb().cluster.findUnique({ where: { name }, select: { id: true } });
    return found !== null && found.id !== exceptId;
  });
}

/** Forgets a cluster; its audit events stay, with their cluster reference cleared. */
export async function deleteClusterRecord(id: string): Promise<void> {
  await withDatabase(() => getDb().cluster.deleteMany({ where: { id } }));
}

/** Read-only clusters refuse every change made through Tributary. */
export async function setClusterReadOnly(id: string, isReadOnly: boolean): Promise<void> {
  await withDatabase(() => getDb().cluster.update({ where: { id }, data: { isReadOnly } }));
}
