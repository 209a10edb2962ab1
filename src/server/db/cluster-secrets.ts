import "server-only";
import { getDb } from "./client";
import { withDatabase } from "./database-errors";

/** The sealed secrets of one cluster (ciphertexts, see services/secrets/secret-box.ts). */
export type TSealedClusterSecrets = {
  id: string;
  saslPasswordEncrypted: string | null;
  tlsClientKeyEncrypted: string | null;
};

const HAS_SECRET = { OR: [{ saslPasswordEncrypted: { not: null } }, { tlsClientKeyEncrypted: { not: null } }] };
const SECRETS = { id: true, saslPasswordEncrypted: true, tlsClientKeyEncrypted: true } as const;

/** Every cluster that has a stored secret. */
export function listSealedClusterSecrets(): Promise<TSealedClusterSecrets[]> {
  return withDatabase(() => getDb().cluster.findMany({ where: HAS_SECRET, select: SECRETS, orderBy: { id: "asc" } }));
}

/**
 * Replaces every cluster's sealed secrets with what `rewrite` returns, in one transaction with the
 * rows locked: a rotation either re-encrypts all of them or, when `rewrite` throws, none.
 */
export function rewriteClusterSecrets(
  rewrite: (secrets: TSealedClusterSecrets) => Omit<TSealedClusterSecrets, "id">,
): Promise<number> {
  return withDatabase(() =>
    getDb().$transaction(async (db) => {
      // Locks the rows, so that a cluster saved meanwhile waits for the rotation (and uses the new key).
      await db.$queryRaw`SELECT id FROM clusters FOR UPDATE`;
      const rows = await db.cluster.findMany({ where: HAS_SECRET, select: SECRETS });
      for (const row of rows) await db.cluster.update({ where: { id: row.id }, data: rewrite(row) });
      return rows.length;
    }),
  );
}
