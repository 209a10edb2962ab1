import "server-only";
import kafkajs, { type Admin, type Kafka, type Producer } from "kafkajs";
import { registerDecompressors } from "./compression-codecs";
import {
  connectionKey,
  kafkaConfigFor,
  type TClusterConnection,
  type TClusterSecurity,
} from "./connection/kafka-config";
import { createInternalCluster, type InternalCluster } from "./internal-cluster";
import { kafkaErrorType, toKafkaAppError } from "./kafka-errors";

/**
 * One kafkajs client set per registered cluster, kept on `globalThis` so that Next's dev reloads
 * reuse connections instead of leaking them. A connection that fails is thrown away and rebuilt on
 * the next call; callers (the live pollers) space those calls out with a backoff.
 */

/** A cluster to talk to. Without `security` it is reached in plaintext without SASL. */
export type ClusterTarget = { id: string; bootstrapServers: string; security?: TClusterSecurity };

/** The target's connection settings; throws the sentence when its secrets could not be decrypted. */
export function connectionOf(target: ClusterTarget): TClusterConnection {
  if (target.security?.unreadable) throw target.security.unreadable;
  return {
    bootstrapServers: target.bootstrapServers,
    sasl: target.security?.sasl ?? null,
    tls: target.security?.tls ?? null,
  };
}

type Connection = { disconnect(): Promise<void> };

type ClusterClients = {
  /** Digest of the connection settings the clients were built with (see connectionKey). */
  connectionKey: string;
  kafka: Kafka;
  /** Connected (or connecting) long-lived clients by role: "admin", "metadata", "producer". */
  connections: Map<string, Promise<Connection>>;
  /** The last work queued on the shared producer: the next one starts after it (see withProducer). */
  producerLane: Promise<unknown>;
};

const registryKey = Symbol.for("tributary.kafka.registry");
type GlobalWithRegistry = typeof globalThis & { [registryKey]?: Map<string, ClusterClients> };
const registry = ((globalThis as GlobalWithRegistry)[registryKey] ??= new Map<string, ClusterClients>());

// Records compressed with snappy, lz4 or zstd by Java producers must be readable by every client here.
registerDecompressors();

/** kafkajs retries inside each call; keep that short so a dead broker is reported within seconds. */
const CLIENT_OPTIONS = {
  clientId: "tributary",
  connectionTimeout: 1_500,
  requestTimeout: 10_000,
  retry: { retries: 2, initialRetryTime: 250, maxRetryTime: 1_500 },
  // Our own code reports connection state once per change; kafkajs would log every failed retry.
  logLevel: kafkajs.logLevel.NOTHING,
} as const;

/** The cluster's clients, built again when its connection settings changed (address, SASL or TLS). */
function clientsFor(target: ClusterTarget): ClusterClients {
  const connection = connectionOf(target);
  const key = connectionKey(connection);
  const existing = registry.get(target.id);
  if (existing && existing.connectionKey === key) return existing;
  if (existing) void disconnect(existing);
  const created: ClusterClients = {
    connectionKey: key,
    kafka: new kafkajs.Kafka({ ...CLIENT_OPTIONS, ...kafkaConfigFor(connection) }),
    connections: new Map(),
    producerLane: Promise.resolve(),
  };
  registry.set(target.id, created);
  return created;
}

async function disconnect(clients: ClusterClients): Promise<void> {
  const pending = [...clients.connections.values()];
  clients.connections.clear();
  await Promise.allSettled(pending.map(async (connection) => (await connection).disconnect()));
}

async function run<TClient extends Connection, TResult>(
  target: ClusterTarget,
  role: string,
  connect: (kafka: Kafka) => Promise<TClient>,
  work: (client: TClient) => Promise<TResult>,
  isRetry = false,
): Promise<TResult> {
  const clients = clientsFor(target);
  let pending = clients.connections.get(role) as Promise<TClient> | undefined;
  if (!pending) {
    pending = connect(clients.kafka);
    clients.connections.set(role, pending);
  }
  try {
    return await work(await pending);
  } catch (error) {
    const appError = toKafkaAppError(error, target.bootstrapServers);
    const isStaleTopic = role !== "metadata" && kafkaErrorType(error) === "UNKNOWN_TOPIC_OR_PARTITION";
    // A broken connection is rebuilt from scratch next time rather than trusted to heal. So is a
    // kafkajs admin or producer that names an unknown topic: it refreshes the metadata of every
    // topic it was ever asked about, and fails every call once one of them is deleted.
    if ((appError.code === "KAFKA_UNREACHABLE" || isStaleTopic) && clients.connections.get(role) === pending) {
      clients.connections.delete(role);
      pending.then((client) => client.disconnect()).catch(() => undefined);
    }
    // Once with a fresh client: if the topic is really unknown, the second answer says so again.
    if (isStaleTopic && !isRetry) return run(target, role, connect, work, true);
    throw appError;
  }
}

/** Runs `work` with this cluster's connected admin client. Errors arrive as AppErrors. */
export function withAdmin<T>(target: ClusterTarget, work: (admin: Admin) => Promise<T>): Promise<T> {
  return run(
    target,
    "admin",
    async (kafka) => {
      const admin = kafka.admin();
      await admin.connect();
      return admin;
    },
    work,
  );
}

/** Runs `work` with this cluster's metadata connection (see internal-cluster.ts). */
export function withMetadata<T>(target: ClusterTarget, work: (cluster: InternalCluster) => Promise<T>): Promise<T> {
  return run(
    target,
    "metadata",
    async (kafka) => {
      const cluster = createInternalCluster(kafka);
      await cluster.connect();
      return cluster;
    },
    work,
  );
}

/**
 * Runs `work` with this cluster's shared producer: Kafka's default (murmur2) partitioner, so a key
 * lands where Kafka's Java clients would put it, and acks from all in-sync replicas.
 *
 * The producer is idempotent, as Kafka's own producer is by default: a request that reaches the
 * broker but whose answer is lost (a leader moving, a partition of a topic created a moment ago
 * refusing at first) is retried without writing its records twice. kafkajs hands out sequence
 * numbers per send, so two sends in flight at once could be taken for duplicates and dropped: the
 * works run one after another, per cluster. A principal without the IdempotentWrite permission
 * (brokers before Kafka 2.8) gets a plain producer instead.
 */
export function withProducer<T>(target: ClusterTarget, work: (producer: Producer) => Promise<T>): Promise<T> {
  const clients = clientsFor(target);
  const turn = clients.producerLane.then(() => run(target, "producer", connectProducer, work));
  clients.producerLane = turn.catch(() => undefined);
  return turn;
}

async function connectProducer(kafka: Kafka): Promise<Producer> {
  const options = { createPartitioner: kafkajs.Partitioners.DefaultPartitioner, allowAutoTopicCreation: false };
  const idempotent = kafka.producer({ ...options, idempotent: true, maxInFlightRequests: 1 });
  try {
    await idempotent.connect();
    return idempotent;
  } catch (error) {
    if (kafkaErrorType(error) !== "CLUSTER_AUTHORIZATION_FAILED") throw error;
    await idempotent.disconnect().catch(() => undefined);
    const plain = kafka.producer(options);
    await plain.connect();
    return plain;
  }
}

/** A new kafkajs client for this cluster, for code in this folder that owns its own producers and consumers. */
export function kafkaFor(target: ClusterTarget): Kafka {
  return clientsFor(target).kafka;
}

export async function disconnectCluster(clusterId: string): Promise<void> {
  const clients = registry.get(clusterId);
  registry.delete(clusterId);
  if (clients) await disconnect(clients);
}

export async function disconnectAllClusters(): Promise<void> {
  await Promise.all([...registry.keys()].map((id) => disconnectCluster(id)));
}
