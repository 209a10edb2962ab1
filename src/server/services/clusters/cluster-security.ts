import "server-only";
import type { TSaslMechanism } from "~/domain/cluster-settings";
import { AppError } from "~/lib/app-error";
import type { TClusterRow } from "~/server/db/clusters";
import type { TClusterSecurity } from "~/server/kafka/connection/kafka-config";
import { openSecret, sealSecret, type TSecretKey } from "../secrets/secret-box";
import { configuredSecretKey, requireSecretKey } from "../secrets/secret-key";

/**
 * A cluster's secrets are sealed with the row's id and column as authenticated context, so a
 * ciphertext moved to another cluster or column fails its check instead of connecting.
 */
export const secretContext = {
  saslPassword: (clusterId: string) => `clusters/${clusterId}/sasl_password`,
  tlsClientKey: (clusterId: string) => `clusters/${clusterId}/tls_client_key`,
};

export function sealOptional(key: TSecretKey, plaintext: string | null, context: string): string | null {
  return plaintext === null ? null : sealSecret(key, plaintext, context);
}

function open(sealed: string | null, context: string): string | null {
  return sealed === null ? null : openSecret(requireSecretKey(), sealed, context);
}

/**
 * The row's SASL and TLS settings with the secrets decrypted. Never throws: a cluster whose secrets
 * cannot be read (no key, another key, altered) is still listed, and connecting to it says why.
 */
export function securityOf(row: TClusterRow): TClusterSecurity {
  try {
    return {
      sasl:
        row.saslMechanism === null
          ? null
          : {
              mechanism: row.saslMechanism as TSaslMechanism,
              username: row.saslUsername ?? "",
              password: open(row.saslPasswordEncrypted, secretContext.saslPassword(row.id)) ?? "",
            },
      tls: row.tlsEnabled
        ? {
            caPem: row.tlsCaPem,
            clientCertificatePem: row.tlsClientCertificatePem,
            clientKeyPem: open(row.tlsClientKeyEncrypted, secretContext.tlsClientKey(row.id)),
            serverName: row.tlsServerName,
          }
        : null,
    };
  } catch (error) {
    const unreadable =
      error instanceof AppError
        ? new AppError(
            error.code,
            `The secrets of the cluster ${row.name} cannot be read. ${error.message}`,
            error.hint,
          )
        : new AppError("INTERNAL", `The secrets of the cluster ${row.name} cannot be read.`);
    return { sasl: null, tls: null, unreadable };
  }
}

/** Whether the server has a key at all (saving a secret without one is refused with a sentence). */
export const hasSecretKey = () => configuredSecretKey() !== null;
