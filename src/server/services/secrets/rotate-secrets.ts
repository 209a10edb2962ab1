import "server-only";
import { rewriteClusterSecrets } from "~/server/db/cluster-secrets";
import { secretContext } from "../clusters/cluster-security";
import { openSecret, sealSecret, type TSecretKey } from "./secret-box";

/**
 * Re-encrypts every stored cluster secret from `oldKey` to `newKey` in one transaction: when any
 * secret does not open with the old key, nothing changes and its sentence is thrown.
 * Returns how many clusters' secrets were re-encrypted.
 */
export function rotateClusterSecrets(oldKey: TSecretKey, newKey: TSecretKey): Promise<number> {
  const reseal = (sealed: string | null, context: string) =>
    sealed === null ? null : sealSecret(newKey, openSecret(oldKey, sealed, context), context);
  return rewriteClusterSecrets((row) => ({
    saslPasswordEncrypted: reseal(row.saslPasswordEncrypted, secretContext.saslPassword(row.id)),
    tlsClientKeyEncrypted: reseal(row.tlsClientKeyEncrypted, secretContext.tlsClientKey(row.id)),
  }));
}
