import "server-only";
import { createHash } from "node:crypto";
import type { ConnectionOptions } from "node:tls";
import type { ISocketFactory, KafkaConfig } from "kafkajs";
import { parseBootstrapServers } from "~/domain/cluster";
import type { TSaslMechanism } from "~/domain/cluster-settings";
import type { AppError } from "~/lib/app-error";

/**
 * The one builder of kafkajs connection settings: every client of the server (client-registry.ts)
 * and every playground member process (demo-member-process.ts, over IPC) connects with what it
 * returns, so SASL, TLS and the socket factory are decided here and nowhere else.
 */

export type TSaslConnection = { mechanism: TSaslMechanism; username: string; password: string };

export type TTlsConnection = {
  /** Certificates to trust instead of Node's CA store; null: the store. */
  caPem: string | null;
  clientCertificatePem: string | null;
  clientKeyPem: string | null;
  /** The name the broker's certificate is checked against instead of the bootstrap host. */
  serverName: string | null;
};

/** A cluster's SASL and TLS settings with their secrets in clear: server memory only, never returned or logged. */
export type TClusterSecurity = {
  sasl: TSaslConnection | null;
  tls: TTlsConnection | null;
  /** Why the stored secrets could not be decrypted (no key, another key); connecting throws it. */
  unreadable?: AppError;
};

/** Everything needed to reach one cluster; plain data, so it can cross to a child process. */
export type TClusterConnection = { bootstrapServers: string } & TClusterSecurity;

const KAFKAJS_MECHANISMS = {
  PLAIN: "plain",
  "SCRAM-SHA-256": "scram-sha-256",
  "SCRAM-SHA-512": "scram-sha-512",
} as const satisfies Record<TSaslMechanism, string>;

type TSerializableSasl = {
  [M in TSaslMechanism]: { mechanism: (typeof KAFKAJS_MECHANISMS)[M]; username: string; password: string };
}[TSaslMechanism];

/** kafkajs settings without functions: what a playground member receives over IPC. */
export type TSerializableKafkaConfig = {
  brokers: string[];
  ssl?: Pick<ConnectionOptions, "rejectUnauthorized" | "servername"> & { ca?: string; cert?: string; key?: string };
  sasl?: TSerializableSasl;
};

/**
 * The address policy's socket factory goes here, the single place every socket is made through.
 * TODO(issue 11): `policedSocketFactory()` from ./policed-socket.ts once the socket-policy branch lands.
 */
const socketFactory: ISocketFactory | undefined = undefined;

export function serializableKafkaConfig(connection: TClusterConnection): TSerializableKafkaConfig {
  const config: TSerializableKafkaConfig = { brokers: parseBootstrapServers(connection.bootstrapServers) };
  const { sasl, tls } = connection;
  if (tls) {
    // Only keys that are set: kafkajs spreads this over { servername: host }, and an undefined
    // servername would switch off the host name check's name.
    config.ssl = {
      rejectUnauthorized: true,
      ...(tls.caPem ? { ca: tls.caPem } : {}),
      ...(tls.clientCertificatePem ? { cert: tls.clientCertificatePem } : {}),
      ...(tls.clientKeyPem ? { key: tls.clientKeyPem } : {}),
      ...(tls.serverName ? { servername: tls.serverName } : {}),
    };
  }
  if (sasl) {
    const mechanism = KAFKAJS_MECHANISMS[sasl.mechanism];
    config.sasl = { mechanism, username: sasl.username, password: sasl.password } as TSerializableSasl;
  }
  return config;
}

/** kafkajs's brokers, ssl, sasl and socketFactory for a cluster; callers add client id, timeouts and retries. */
export function kafkaConfigFor(connection: TClusterConnection): KafkaConfig {
  return { ...serializableKafkaConfig(connection), ...(socketFactory ? { socketFactory } : {}) };
}

/** Whether two connections differ in anything a client was built with (clients are rebuilt when they do). */
export function connectionKey(connection: TClusterConnection): string {
  // A digest, so that the registry keeps no second copy of the secrets in a string.
  const settings = JSON.stringify([connection.bootstrapServers, connection.sasl, connection.tls]);
  return createHash("sha256").update(settings).digest("hex");
}
