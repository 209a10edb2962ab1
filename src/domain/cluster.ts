import { z } from "zod";
import { ZClusterColour, ZSaslMechanism } from "./cluster-settings";

/** A broker as the cluster's metadata describes it. */
export const ZBroker = z.object({
  nodeId: z.number().int(),
  host: z.string(),
  port: z.number().int(),
  /** `broker.rack`, or null when the broker has none. */
  rack: z.string().nullable(),
  isController: z.boolean(),
  /** Partitions this broker leads. */
  leaderCount: z.number().int(),
  /** Partition replicas this broker hosts (led or following). */
  replicaCount: z.number().int(),
});
export type TBroker = z.infer<typeof ZBroker>;

/** What the home page shows about one cluster at one moment. */
export const ZClusterOverview = z.object({
  clusterId: z.string().nullable(),
  /** Null when the metadata names no active controller (e.g. during an election). */
  controllerId: z.number().int().nullable(),
  brokers: z.array(ZBroker),
  topicCount: z.number().int(),
  internalTopicCount: z.number().int(),
  partitionCount: z.number().int(),
  /** Partitions whose ISR is smaller than their replica set. */
  underReplicatedPartitionCount: z.number().int(),
  /** Partitions without a leader. */
  offlinePartitionCount: z.number().int(),
});
export type TClusterOverview = z.infer<typeof ZClusterOverview>;

/** One event of the live cluster view: fresh metadata, or why there is none right now. */
export type TClusterHealth =
  | { status: "ok"; observedAt: number; overview: TClusterOverview }
  | {
      status: "unreachable";
      observedAt: number;
      bootstrapServers: string;
      /** "Kafka is unreachable at 127.0.0.1:9092." — or the database's sentence when that is what failed. */
      message: string;
      hint: string | null;
      retryInMs: number;
      /** The last overview seen before Kafka became unreachable, shown dimmed. */
      lastOverview: TClusterOverview | null;
    };

/** Splits "a:1, b:2" into ["a:1", "b:2"]. */
export function parseBootstrapServers(value: string): string[] {
  return value
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

/**
 * A registered cluster as the API returns it. Connection secrets never appear here: the password
 * and the client key are write-only, so only whether one is set is said. Procedures declare this as
 * their output, so anything else on the object is stripped before it leaves the server.
 */
export const ZCluster = z.object({
  id: z.string(),
  name: z.string(),
  bootstrapServers: z.string(),
  isReadOnly: z.boolean(),
  /** The cluster of KAFKA_BROKERS: its name and connection come from the environment. */
  isDefault: z.boolean(),
  label: z.string().nullable(),
  colour: ZClusterColour.nullable(),
  sasl: z.object({ mechanism: ZSaslMechanism, username: z.string(), hasPassword: z.boolean() }).nullable(),
  tls: z
    .object({
      caPem: z.string().nullable(),
      clientCertificatePem: z.string().nullable(),
      hasClientKey: z.boolean(),
      serverName: z.string().nullable(),
    })
    .nullable(),
});
export type TCluster = z.infer<typeof ZCluster>;
