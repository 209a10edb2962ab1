import "server-only";
import kafkajs, { type Kafka, type RetryOptions } from "kafkajs";
import { connectionOf, type ClusterTarget } from "../client-registry";
import { kafkaConfigFor } from "../connection/kafka-config";

/**
 * The kafkajs client of one step member. It is built like every other client of the cluster
 * (kafkaConfigFor: the same SASL, TLS and address-policy socket factory, so a broker's metadata
 * cannot point the runner anywhere either), but not taken from the registry's cached one: kafkajs
 * fixes the client id per client, and the group's member list should name the runner instance.
 * Each consumer and producer opens its own connections anyway, so nothing shared is lost.
 */

/**
 * Longer patience than the web server's clients (2 retries): a member rides out a leader election
 * or a broker restart (a few seconds in KRaft) instead of failing the step; past ~30 s of an
 * unreachable cluster it fails with a sentence and the runner decides what to do.
 */
export const MEMBER_RETRY: RetryOptions = { retries: 10, initialRetryTime: 300, maxRetryTime: 4_000 };

export function memberKafka(target: ClusterTarget, clientId: string): Kafka {
  return new kafkajs.Kafka({
    ...kafkaConfigFor(connectionOf(target)),
    clientId,
    connectionTimeout: 3_000,
    requestTimeout: 30_000,
    retry: MEMBER_RETRY,
    // Failures reach the runner as sentences through onFailure; kafkajs would log every retry.
    logLevel: kafkajs.logLevel.NOTHING,
  });
}

/** Kafka's own partitioner (murmur2), so that a key lands where Java clients would put it. */
export const KAFKA_PARTITIONER = kafkajs.Partitioners.DefaultPartitioner;
