import "server-only";
import { setTimeout as delay } from "node:timers/promises";
import { withMetadata, withProducer, type ClusterTarget } from "../client-registry";
import { AppError } from "~/lib/app-error";
import { kafkaErrorType } from "../kafka-errors";
import { readTopicMetadata } from "../topics/topic-metadata";

/** A record with its partition already chosen, so that each one's offset is known once it is acknowledged. */
export type TPlacedRecord = {
  partition: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: { key: string; value: Buffer | null }[];
};

/** The topic's partition count, from one Metadata request (NOT_FOUND sentence for an unknown topic). */
export async function partitionCountOf(target: ClusterTarget, topic: string): Promise<number> {
  return withMetadata(
    target,
    async (cluster) => (await readTopicMetadata(cluster, topic)).topic.partitionMetadata.length,
  );
}

/**
 * Sends the records in one request with acks from all in-sync replicas. Returns, per partition,
 * the offset of its first record: the others follow it in order, one offset each.
 */
export async function producePlaced(
  target: ClusterTarget,
  topic: string,
  records: readonly TPlacedRecord[],
): Promise<Map<number, bigint>> {
  const acknowledged = await retryWhileSettling(() => sendOnce(target, topic, records));
  const baseOffsets = new Map(acknowledged.map((entry) => [entry.partition, BigInt(entry.baseOffset ?? "0")]));
  const missing = [...new Set(records.map((record) => record.partition))].filter((partition) => !baseOffsets.has(partition));
  if (missing.length > 0) throw unacknowledged(topic, missing);
  return baseOffsets;
}

/**
 * kafkajs 2.2.4 can leave out, without an error, the records of a partition whose leader moved to
 * a broker that had already answered for other partitions of the same send (see
 * kafka/runtime/checked-send.ts): Kafka never acknowledged them, so the user must hear so.
 */
function unacknowledged(topic: string, partitions: number[]): AppError {
  const list = partitions.sort((a, b) => a - b).join(", ");
  return new AppError(
    "KAFKA_REJECTED",
    `Kafka did not acknowledge the records for partition${partitions.length === 1 ? "" : "s"} ${list} of ${topic}: a partition leader moved while they were being written. The records of the other partitions were written.`,
    `Check partition${partitions.length === 1 ? "" : "s"} ${list} in the topic's messages, and send what is missing again.`,
  );
}

function sendOnce(target: ClusterTarget, topic: string, records: readonly TPlacedRecord[]) {
  return withProducer(target, (producer) =>
    producer.send({
      topic,
      acks: -1,
      messages: records.map((record) => ({
        partition: record.partition,
        key: record.key,
        value: record.value,
        headers: toKafkajsHeaders(record.headers),
      })),
    }),
  );
}

/**
 * Errors of a topic or leader the brokers have not caught up with yet. Other partitions of the same
 * request may have been written; the shared producer is idempotent, so sending again does not
 * write those twice.
 */
const SETTLING_ERRORS = new Set(["UNKNOWN_TOPIC_OR_PARTITION", "LEADER_NOT_AVAILABLE", "NOT_LEADER_FOR_PARTITION"]);
const SETTLE_TIMEOUT_MS = 5_000;
const SETTLE_INTERVAL_MS = 200;

/**
 * The topic exists (our metadata read just said so), yet in KRaft mode a topic created a moment
 * ago reaches the controller before every broker, so a first send can be refused. Those refusals
 * are retried for a few seconds. (A producer made stale by a deleted topic is rebuilt by the
 * client registry.)
 */
async function retryWhileSettling<T>(send: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  for (;;) {
    try {
      return await send();
    } catch (error) {
      if (!SETTLING_ERRORS.has(kafkaErrorType(error) ?? "") || Date.now() > deadline) throw error;
      await delay(SETTLE_INTERVAL_MS);
    }
  }
}

/**
 * kafkajs takes headers as an object whose repeated keys are arrays. It cannot send a null header
 * value; an empty one is the closest Kafka record it can write.
 */
function toKafkajsHeaders(headers: TPlacedRecord["headers"]): Record<string, Buffer | Buffer[]> {
  const result: Record<string, Buffer | Buffer[]> = Object.create(null) as Record<string, Buffer | Buffer[]>;
  for (const header of headers) {
    const value = header.value ?? Buffer.alloc(0);
    const existing = result[header.key];
    result[header.key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return result;
}
