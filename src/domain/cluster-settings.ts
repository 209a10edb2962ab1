import { z } from "zod";

/**
 * What an admin gives to register or change a cluster. Strict schemas: a key that is not listed
 * here (a raw client property such as `sasl.jaas.config` or `ssl.endpoint.identification.algorithm`)
 * is refused, not ignored — connection settings are exactly these fields, nothing passes through.
 */

/** A small fixed palette, so that a cluster's colour reads the same on every page; red is for production. */
export const CLUSTER_COLOURS = ["grey", "blue", "green", "yellow", "orange", "red", "purple"] as const;
export const ZClusterColour = z.enum(CLUSTER_COLOURS, { error: `expected one of ${CLUSTER_COLOURS.join(", ")}` });
export type TClusterColour = z.infer<typeof ZClusterColour>;

/** SASL mechanisms by Kafka's names. */
export const SASL_MECHANISMS = ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] as const;
export const ZSaslMechanism = z.enum(SASL_MECHANISMS, { error: `expected one of ${SASL_MECHANISMS.join(", ")}` });
export type TSaslMechanism = z.infer<typeof ZSaslMechanism>;

const MAX_PEM_CHARS = 64 * 1024;

export const ZBootstrapServers = z
  .string()
  .trim()
  .min(1, "list at least one broker as host:port")
  .max(2_000, "list at most 2,000 characters of brokers")
  .refine(
    (value) => value.split(",").every((entry) => /^[A-Za-z0-9.-]+:\d{1,5}$/.test(entry.trim())),
    "expected a comma-separated list of host:port, e.g. kafka-1.example.com:9093",
  );

const pem = (kind: RegExp, what: string) =>
  z
    .string()
    .trim()
    .max(MAX_PEM_CHARS, `expected at most ${MAX_PEM_CHARS / 1024} KiB of PEM`)
    .refine((value) => kind.test(value), `expected ${what} in PEM form (-----BEGIN …-----)`);

const ZCertificatesPem = pem(
  /^-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----$/,
  "one or more certificates",
);
const ZPrivateKeyPem = pem(
  /^-----BEGIN (RSA |EC )?PRIVATE KEY-----[\s\S]+-----END (RSA |EC )?PRIVATE KEY-----$/,
  "an unencrypted private key",
);

const ZHostName = z
  .string()
  .trim()
  .max(253)
  .regex(/^[A-Za-z0-9*]([A-Za-z0-9.-]*[A-Za-z0-9])?$/, "expected a host name, e.g. kafka.example.com");

/** A secret is write-only: given to set it, left out to keep the stored one. */
const ZSecret = z.string().min(1, "leave it out to keep the stored one").max(4_096);

export const ZSaslSettings = z.strictObject({
  mechanism: ZSaslMechanism,
  username: z.string().min(1, "give the SASL username").max(256),
  /** Required when SASL is first set up; left out, the stored password stays. */
  password: ZSecret.optional(),
});

export const ZTlsSettings = z.strictObject({
  /** Certificates to trust instead of the system's CAs (null: the system's). */
  caPem: ZCertificatesPem.nullable().default(null),
  /** For mutual TLS, with `clientKeyPem`. */
  clientCertificatePem: ZCertificatesPem.nullable().default(null),
  /** Write-only; left out, the stored key stays (when a client certificate is set). */
  clientKeyPem: ZPrivateKeyPem.optional(),
  /** The name the broker's certificate must carry, when it differs from the host in the bootstrap servers. */
  serverName: ZHostName.nullable().default(null),
});

export const ZClusterSettings = z.strictObject({
  name: z.string().trim().min(1, "give the cluster a name").max(64, "keep the name to 64 characters"),
  bootstrapServers: ZBootstrapServers,
  label: z.string().trim().min(1).max(24, "keep the label to 24 characters").nullable().default(null),
  colour: ZClusterColour.nullable().default(null),
  isReadOnly: z.boolean().default(false),
  sasl: ZSaslSettings.nullable().default(null),
  tls: ZTlsSettings.nullable().default(null),
});
export type TClusterSettings = z.infer<typeof ZClusterSettings>;
export type TClusterSettingsInput = z.input<typeof ZClusterSettings>;

export const ZAddClusterInput = z.strictObject({ settings: ZClusterSettings });
export const ZUpdateClusterInput = z.strictObject({ clusterId: z.string().min(1), settings: ZClusterSettings });
/** Tests settings before they are saved; with `clusterId`, secrets left out are the stored ones. */
export const ZTestClusterInput = z.strictObject({
  clusterId: z.string().min(1).optional(),
  settings: ZClusterSettings,
});
export const ZRemoveClusterInput = z.strictObject({ clusterId: z.string().min(1), confirmation: z.string() });

/** The outcome of a connection test: what was found, or the sentence for why it failed. */
export const ZConnectionTestResult = z.discriminatedUnion("ok", [
  z.object({
    ok: z.literal(true),
    brokerCount: z.number().int(),
    /** The broker that is the active controller, when the metadata names one. */
    controllerId: z.number().int().nullable(),
    clusterId: z.string().nullable(),
  }),
  z.object({ ok: z.literal(false), message: z.string(), hint: z.string().nullable() }),
]);
export type TConnectionTestResult = z.infer<typeof ZConnectionTestResult>;
