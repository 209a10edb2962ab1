import "server-only";
import { createSecureContext } from "node:tls";
import kafkajs from "kafkajs";
import type { TConnectionTestResult } from "~/domain/cluster-settings";
import { toKafkaAppError } from "../kafka-errors";
import { connectionFailureOf } from "./connection-failure";
import { kafkaConfigFor, type TClusterConnection, type TTlsConnection } from "./kafka-config";

/**
 * Tests connection settings before they are saved: one fresh client, built by the same builder as
 * every other, no retries, and a sentence for whatever fails. Nothing is kept afterwards.
 */

/** Short: an admin waits for this answer; a real cluster accepts within a second. */
const TEST_OPTIONS = {
  clientId: "tributary-connection-test",
  connectionTimeout: 5_000,
  authenticationTimeout: 5_000,
  requestTimeout: 5_000,
  retry: { retries: 0 },
  logLevel: kafkajs.logLevel.NOTHING,
} as const;

/** Certificates and key that OpenSSL cannot read fail here, with a sentence, before any socket is opened. */
function tlsMaterialFailure(tls: TTlsConnection): TConnectionTestResult | null {
  const parts = [
    ["The CA bundle", { ca: tls.caPem ?? undefined }],
    [
      "The client certificate and key",
      { cert: tls.clientCertificatePem ?? undefined, key: tls.clientKeyPem ?? undefined },
    ],
  ] as const;
  for (const [what, options] of parts) {
    try {
      createSecureContext(options);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const reason =
        code === "ERR_OSSL_X509_KEY_VALUES_MISMATCH"
          ? "the key does not belong to the certificate"
          : "OpenSSL cannot read it";
      return {
        ok: false,
        message: `${what} cannot be used: ${reason}.`,
        hint: "Paste the PEM text again, from -----BEGIN to -----END.",
      };
    }
  }
  if (tls.clientCertificatePem && !tls.clientKeyPem) {
    return {
      ok: false,
      message: "The client certificate has no private key.",
      hint: "Give the client key with the certificate.",
    };
  }
  return null;
}

export async function testClusterConnection(connection: TClusterConnection): Promise<TConnectionTestResult> {
  if (connection.tls) {
    const failure = tlsMaterialFailure(connection.tls);
    if (failure) return failure;
  }
  const admin = new kafkajs.Kafka({ ...TEST_OPTIONS, ...kafkaConfigFor(connection) }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return {
      ok: true,
      brokerCount: cluster.brokers.length,
      controllerId: cluster.controller ?? null,
      clusterId: cluster.clusterId || null,
    };
  } catch (error) {
    const failure = connectionFailureOf(error, connection.bootstrapServers);
    if (failure) return { ok: false, message: failure.message, hint: failure.hint };
    const appError = toKafkaAppError(error, connection.bootstrapServers);
    return { ok: false, message: appError.message, hint: appError.hint ?? null };
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
