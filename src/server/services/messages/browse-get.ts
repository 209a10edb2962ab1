import "server-only";
import type { TMessage } from "~/domain/messages/message";
import { AppError } from "~/lib/app-error";
import { withMetadata } from "~/server/kafka/client-registry";
import { fetchRecords } from "~/server/kafka/messages/fetch-records";
import { readPartitionStates } from "~/server/kafka/messages/partition-states";
import { recordRead, type TAuditActor } from "~/server/services/audit/audited";
import { getCluster } from "~/server/services/clusters/registered-clusters";
import { lookupTopicSchema } from "./schemas/topic-schema";
import { toMessage } from "./to-message";

/** A record is at most the broker's message.max.bytes (1 MB by default); this bounds an odd one. */
const MAX_FULL_PAYLOAD_BYTES = 16 * 1024 * 1024;

type TMessageLocation = { clusterId: string; topic: string; partition: number; offset: string };

/** One message with its payloads in full, for the detail view's "Load full value". */
export async function getMessage(by: TAuditActor, where: TMessageLocation): Promise<TMessage> {
  const cluster = await getCluster(where.clusterId);
  const offset = BigInt(where.offset);
  const { codec } = await lookupTopicSchema(cluster.id, where.topic);
  const message = await withMetadata(cluster, async (internal) => {
    const states = await readPartitionStates(internal, where.topic);
    const state = states.find((candidate) => candidate.partition === where.partition);
    if (!state) {
      throw new AppError(
        "NOT_FOUND",
        `The topic ${where.topic} has no partition ${where.partition}.`,
        "Choose another partition.",
      );
    }
    if (state.leader === null) {
      throw new AppError(
        "KAFKA_UNREACHABLE",
        `Partition ${where.partition} of ${where.topic} has no leader right now, so it cannot be read.`,
        "Try again when the partition is back online.",
      );
    }
    if (offset < state.low || offset >= state.high) {
      throw new AppError(
        "NOT_FOUND",
        `Offset ${offset} is not in partition ${where.partition} of ${where.topic}, which holds offsets ${state.low} to ${state.high - 1n}.`,
        "Retention may have deleted it; browse the partition again.",
      );
    }
    const [result] = await fetchRecords(
      internal,
      where.topic,
      [{ partition: where.partition, leader: state.leader, fromOffset: offset }],
      // Kafka returns the whole first batch even when it is larger than this (KIP-74).
      { maxWaitMs: 0, maxBytesPerPartition: 1024 * 1024 },
    );
    const record = result?.records.find((candidate) => candidate.offset === offset);
    if (!record) {
      throw new AppError(
        "NOT_FOUND",
        `There is no message at offset ${offset} of partition ${where.partition}: compaction removed it, or it was a transaction marker.`,
        "Browse the partition to see the offsets it still holds.",
      );
    }
    return toMessage(record, MAX_FULL_PAYLOAD_BYTES, codec);
  });
  await recordRead({
    by,
    action: "messages.get",
    clusterId: cluster.id,
    target: where.topic,
    details: { partition: where.partition, offset: where.offset },
  });
  return message;
}
