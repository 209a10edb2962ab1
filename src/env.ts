import { z } from "zod";
import { SECRET_KEY_FORMAT, secretKeyEncoding } from "./lib/secret-key-text";

/**
 * The only reader of `process.env` (lint enforces it). Every variable is parsed here so that a
 * bad value fails at start-up with a sentence that names it, instead of somewhere deep later.
 * `.env.example` lists each one with a comment; keep the two in step.
 */
const ZBrokerList = z
  .string()
  .trim()
  .min(1, "list at least one broker as host:port")
  .refine(
    (value) => value.split(",").every((entry) => /^[^\s:,]+:\d{1,5}$/.test(entry.trim())),
    "expected a comma-separated list of host:port, e.g. 127.0.0.1:9092",
  );

const ZPort = z.coerce
  .number({ error: "expected a port number between 1 and 65535" })
  .int("expected a whole number")
  .min(1, "expected a port between 1 and 65535")
  .max(65535, "expected a port between 1 and 65535");

/** A whole number from 1 to `max`, e.g. a limit or a ceiling. */
const count = (unit: string, max: number) =>
  z.coerce
    .number({ error: `expected a number of ${unit}` })
    .int(`expected a whole number of ${unit}`)
    .min(1, `expected at least 1`)
    .max(max, `expected at most ${max.toLocaleString("en-US")}`);

export const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** PostgreSQL connection string. Unset: `npm start` runs an embedded PostgreSQL and sets it. */
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: "expected postgresql://user:password@host:port/database" })
    .optional(),
  /** Bootstrap brokers of the cluster registered at start-up. */
  KAFKA_BROKERS: ZBrokerList.default("127.0.0.1:9092"),
  /** Display name of that cluster. */
  KAFKA_CLUSTER_NAME: z.string().trim().min(1).max(64).default("local"),
  /** Whether `npm start` runs the local Kafka from apps/kafka-local ("auto": only when KAFKA_BROKERS is the default). */
  KAFKA_LOCAL: z.enum(["auto", "always", "never"]).default("auto"),
  /** Demo telemetry into `telemetry.raw` ("auto": only on the local Kafka, never on a cluster of yours). */
  DEMO_DATA: z.enum(["auto", "on", "off"]).default("auto"),
  /** Messages per second of demo telemetry. */
  DEMO_RATE: z.coerce.number({ error: "expected messages per second, e.g. 5" }).min(0).max(10_000).default(5),
  /** Port of the web app. */
  PORT: ZPort.default(3000),
  /**
   * Interface the web app listens on. Loopback by default, so nothing on the network reaches it
   * until someone chooses to (`0.0.0.0` or `::` for every interface, or one address).
   */
  HOST: z
    .string()
    .trim()
    .regex(/^[\w.:-]+$/, "expected an address or host name, e.g. 127.0.0.1 or 0.0.0.0")
    .default("127.0.0.1"),
  /**
   * Host names (host or host:port, comma-separated) that requests may address in their Host header;
   * anything else is refused, which defeats DNS rebinding. Unset: the names of the interface(s) HOST
   * binds to, on PORT (see src/server/api/allowed-hosts.ts).
   */
  ALLOWED_HOSTS: z
    .string()
    .trim()
    .refine(
      (value) => value.split(",").every((entry) => /^(\[[0-9a-fA-F:.]+\]|[\w.-]+)(:\d{1,5})?$/.test(entry.trim())),
      "expected a comma-separated list of host or host:port, e.g. tributary.example.com,10.0.0.5:3000",
    )
    .optional(),
  /** Port of the embedded PostgreSQL (used only when DATABASE_URL is unset). */
  EMBEDDED_POSTGRES_PORT: ZPort.default(5433),
  /** Days of consumer-group rebalance history kept in PostgreSQL; older rebalances are deleted. */
  REBALANCE_HISTORY_DAYS: z.coerce
    .number({ error: "expected a number of days, e.g. 30" })
    .int("expected a whole number of days")
    .min(1, "keep at least 1 day")
    .max(3650, "keep at most 3650 days")
    .default(30),
  /** Seconds between two sweeps that look for rebalances in every group without an open page (0: off). */
  REBALANCE_SWEEP_SECONDS: z.coerce
    .number({ error: "expected a number of seconds, e.g. 5" })
    .int("expected a whole number of seconds")
    .min(0, "0 turns the sweep off")
    .max(3600, "sweep at least once an hour")
    .default(5),
  /** Seconds between two lag samples of every consumer group (one pass per cluster, stored in PostgreSQL). */
  LAG_SAMPLE_SECONDS: z.coerce
    .number({ error: "expected a number of seconds, e.g. 15" })
    .int("expected a whole number of seconds")
    .min(1, "sample at most once a second")
    .max(3600, "sample at least once an hour")
    .default(15),
  /** Minutes between two background conformance checks of every defined topic with a schema (0: off). */
  CONFORMANCE_CHECK_MINUTES: z.coerce
    .number({ error: "expected a number of minutes, e.g. 15" })
    .int("expected a whole number of minutes")
    .min(0, "0 turns the check off")
    .max(1440, "check at least once a day")
    .default(15),
  /** Newest values per partition that the background conformance check reads from each topic. */
  CONFORMANCE_SAMPLE_PER_PARTITION: count("values", 10_000).default(100),
  /** Days of consumer-group lag history kept in PostgreSQL; older samples are deleted. */
  LAG_HISTORY_DAYS: z.coerce
    .number({ error: "expected a number of days, e.g. 7" })
    .int("expected a whole number of days")
    .min(1, "keep at least 1 day")
    .max(3650, "keep at most 3650 days")
    .default(7),
  // Server-side ceilings: what one request may cost, whatever the client asks for.
  /** Most messages one search may scan. */
  SEARCH_MAX_MESSAGES: count("messages", 100_000_000).default(100_000_000),
  /** Most seconds one search may run. */
  SEARCH_MAX_SECONDS: count("seconds", 3_600).default(600),
  /** Most matches one search may return to the browser. */
  SEARCH_MAX_RESULTS: count("matches", 100_000).default(10_000),
  /** Most messages one export may write. */
  EXPORT_MAX_MESSAGES: count("messages", 100_000).default(100_000),
  /** Most bytes one export may write. */
  EXPORT_MAX_BYTES: count("bytes", 2 ** 40).default(256 * 1024 * 1024),
  /** Most bytes one produce may send: (key + value + headers) × repeat. */
  PRODUCE_MAX_BYTES: count("bytes", 2 ** 31).default(8 * 1024 * 1024),
  /** Searches one user / the whole server may run at once. */
  SEARCH_LIMIT_PER_USER: count("searches", 1_000).default(3),
  SEARCH_LIMIT_PER_SERVER: count("searches", 10_000).default(20),
  /** Exports one user / the whole server may stream at once. */
  EXPORT_LIMIT_PER_USER: count("exports", 1_000).default(2),
  EXPORT_LIMIT_PER_SERVER: count("exports", 10_000).default(10),
  /** Live tails one user / the whole server may hold open at once. */
  TAIL_LIMIT_PER_USER: count("tails", 1_000).default(10),
  TAIL_LIMIT_PER_SERVER: count("tails", 10_000).default(200),
  /** Consumer-group watchers (group page, rebalance timeline) one user / the server may hold open. */
  WATCH_LIMIT_PER_USER: count("watchers", 1_000).default(20),
  WATCH_LIMIT_PER_SERVER: count("watchers", 10_000).default(400),
  /** Live streams (SSE subscriptions) of any kind one user / the server may hold open. */
  STREAM_LIMIT_PER_USER: count("streams", 10_000).default(50),
  STREAM_LIMIT_PER_SERVER: count("streams", 100_000).default(1_000),
  /** Worker processes that evaluate JSONata filters (each stuck one is stopped at its budget and replaced). */
  JSONATA_WORKERS: count("workers", 64).default(2),
  /** Heap limit of one JSONata worker, in MiB: an expression that needs more is stopped. */
  JSONATA_WORKER_MEMORY_MB: count("MiB", 16_384).min(32, "give a worker at least 32 MiB").default(256),
  /** Days of audit log kept in PostgreSQL; older rows are deleted at boot and daily. */
  AUDIT_RETENTION_DAYS: z.coerce
    .number({ error: "expected a number of days, e.g. 90" })
    .int("expected a whole number of days")
    .min(1, "keep at least 1 day")
    .max(36500, "keep at most 36500 days")
    .default(90),
  /**
   * Signs session cookies. Unset: a random secret is generated once and stored in PostgreSQL
   * (table server_secrets), so restarts keep everyone signed in. Set it to share one secret between servers.
   */
  AUTH_SECRET: z.string().trim().min(32, "use at least 32 characters, e.g. `openssl rand -base64 32`").optional(),
  /**
   * Optional single sign-on through an OpenID Connect provider: its issuer URL (Tributary reads
   * `<issuer>/.well-known/openid-configuration`), and the client registered there for Tributary,
   * whose redirect URI is `<Tributary's address>/api/auth/callback/oidc`. All three or none.
   */
  OIDC_ISSUER: z
    .url({ protocol: /^https?$/, error: "expected the provider's issuer URL, e.g. https://id.example.com/realms/ops" })
    .optional(),
  OIDC_CLIENT_ID: z.string().trim().min(1).max(512).optional(),
  /** Never logged, never returned by the API. */
  OIDC_CLIENT_SECRET: z.string().min(1).max(4096).optional(),
  /** The provider's name on the sign-in button: "Sign in with <OIDC_NAME>". */
  OIDC_NAME: z.string().trim().min(1).max(64).default("single sign-on"),
  /** Role of an account the provider creates (an email no account has yet); admins are made by admins. */
  OIDC_DEFAULT_ROLE: z
    .enum(["viewer", "operator"], { error: "expected viewer or operator (only an admin makes admins)" })
    .default("viewer"),
  /**
   * Encrypts cluster secrets (SASL passwords, TLS client keys) at rest with AES-256-GCM. Required
   * once a cluster has a secret; `npm start` generates one into TRIBUTARY_DATA_DIR/secret-key when
   * unset and the database is the embedded one. Never logged, never returned by the API.
   */
  TRIBUTARY_SECRET_KEY: z
    .string()
    .trim()
    .refine((value) => secretKeyEncoding(value) !== null, SECRET_KEY_FORMAT)
    .optional(),
  /** Folder for local state: Kafka logs, embedded PostgreSQL data, jar cache. */
  TRIBUTARY_DATA_DIR: z.string().trim().min(1).default(".data"),
});

export type TEnv = z.infer<typeof ZEnv>;

const OIDC_REQUIRED = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const;

/** Single sign-on needs all three of its variables: a partial set is a mistake, not "off". */
const ZEnvChecked = ZEnv.superRefine((value, context) => {
  const set = OIDC_REQUIRED.filter((name) => value[name] !== undefined);
  if (set.length === 0 || set.length === OIDC_REQUIRED.length) return;
  for (const name of OIDC_REQUIRED.filter((name) => value[name] === undefined)) {
    context.addIssue({
      code: "custom",
      path: [name],
      message: `single sign-on needs ${OIDC_REQUIRED.join(", ")} together; ${set.join(" and ")} ${set.length > 1 ? "are" : "is"} set`,
    });
  }
});

/** Variables whose value never appears in an error message (it would land in a log). */
const SECRET_VARIABLES = new Set(["AUTH_SECRET", "OIDC_CLIENT_SECRET", "TRIBUTARY_SECRET_KEY"]);

function shown(name: string, value: string | undefined): string {
  if (value !== undefined && SECRET_VARIABLES.has(name)) return `a secret of ${value.length} characters`;
  return JSON.stringify(value);
}

/** Parses an environment; throws one plain sentence per bad variable. */
export function parseEnv(source: Record<string, string | undefined>): TEnv {
  // `VAR=` in a shell or .env file means "not set", not "set to nothing".
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = ZEnvChecked.safeParse(present);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    return `${issue.path.join(".")}: ${issue.message} (got ${shown(name, source[name])})`;
  });
  throw new Error(`Invalid environment variable${lines.length > 1 ? "s" : ""}:\n  ${lines.join("\n  ")}`);
}

export const env: TEnv = parseEnv(process.env);
