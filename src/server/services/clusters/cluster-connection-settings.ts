import "server-only";
import type { TClusterSettings } from "~/domain/cluster-settings";
import { AppError } from "~/lib/app-error";
import type { TClusterColumns } from "~/server/db/clusters";
import type { TClusterConnection } from "~/server/kafka/connection/kafka-config";
import { requireSecretKey } from "../secrets/secret-key";
import { sealOptional, secretContext } from "./cluster-security";
import type { TRegisteredCluster } from "./registered-clusters";

/**
 * From what an admin typed to what is tested and stored. Secrets are write-only: left out of an
 * update, the stored one stays — so the API never needs to send one back for a form to keep it.
 */

/** The connection these settings describe, with the stored secrets where none were given. */
export function connectionFrom(settings: TClusterSettings, stored: TRegisteredCluster | null): TClusterConnection {
  const storedSecurity = stored?.security;
  const needsStored =
    (settings.sasl && settings.sasl.password === undefined) ||
    (settings.tls?.clientCertificatePem && settings.tls.clientKeyPem === undefined);
  if (needsStored && storedSecurity?.unreadable) throw storedSecurity.unreadable;
  let sasl: TClusterConnection["sasl"] = null;
  if (settings.sasl) {
    const password = settings.sasl.password ?? storedSecurity?.sasl?.password;
    if (!password) throw new AppError("BAD_INPUT", "Give the SASL password.", "SASL needs a username and a password.");
    sasl = { mechanism: settings.sasl.mechanism, username: settings.sasl.username, password };
  }
  let tls: TClusterConnection["tls"] = null;
  if (settings.tls) {
    const certificate = settings.tls.clientCertificatePem;
    const key = certificate ? (settings.tls.clientKeyPem ?? storedSecurity?.tls?.clientKeyPem ?? null) : null;
    if (certificate && !key) {
      throw new AppError("BAD_INPUT", "Give the private key of the client certificate.", "Mutual TLS needs both.");
    }
    tls = {
      caPem: settings.tls.caPem,
      clientCertificatePem: certificate,
      clientKeyPem: key,
      serverName: settings.tls.serverName,
    };
  }
  return { bootstrapServers: settings.bootstrapServers, sasl, tls };
}

/** The row's columns, secrets sealed with TRIBUTARY_SECRET_KEY (refused with a sentence without one). */
export function columnsFrom(
  clusterId: string,
  settings: TClusterSettings,
  connection: TClusterConnection,
): TClusterColumns {
  const { sasl, tls } = connection;
  const hasSecret = Boolean(sasl?.password || tls?.clientKeyPem);
  const key = hasSecret ? requireSecretKey() : null;
  return {
    name: settings.name,
    bootstrapServers: connection.bootstrapServers,
    isReadOnly: settings.isReadOnly,
    label: settings.label,
    colour: settings.colour,
    saslMechanism: sasl?.mechanism ?? null,
    saslUsername: sasl?.username ?? null,
    saslPasswordEncrypted: key && sasl ? sealOptional(key, sasl.password, secretContext.saslPassword(clusterId)) : null,
    tlsEnabled: tls !== null,
    tlsCaPem: tls?.caPem ?? null,
    tlsClientCertificatePem: tls?.clientCertificatePem ?? null,
    tlsClientKeyEncrypted:
      key && tls ? sealOptional(key, tls.clientKeyPem, secretContext.tlsClientKey(clusterId)) : null,
    tlsServerName: tls?.serverName ?? null,
  };
}

/**
 * What the audit log keeps of a change: every setting but the secrets, of which only whether one
 * was given (so the log shows a password change without holding the password).
 */
export function auditDetailsOf(settings: TClusterSettings): Record<string, unknown> {
  return {
    bootstrapServers: settings.bootstrapServers,
    label: settings.label,
    colour: settings.colour,
    isReadOnly: settings.isReadOnly,
    sasl: settings.sasl && {
      mechanism: settings.sasl.mechanism,
      username: settings.sasl.username,
      isPasswordGiven: settings.sasl.password !== undefined,
    },
    tls: settings.tls && {
      hasCaBundle: settings.tls.caPem !== null,
      hasClientCertificate: settings.tls.clientCertificatePem !== null,
      isClientKeyGiven: settings.tls.clientKeyPem !== undefined,
      serverName: settings.tls.serverName,
    },
  };
}
