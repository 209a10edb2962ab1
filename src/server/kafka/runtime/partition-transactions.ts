import "server-only";
import type { Kafka, Producer } from "kafkajs";
import { checkedSending } from "./checked-send";
import { MEMBER_RETRY } from "./member-client";
import { toTopicMessages } from "./record-mapping";
import { sendChunks } from "./send-chunks";
import type { TOutRecord } from "./step-member-types";

/**
 * Exactly-once for one input partition: Kafka's read-process-write transaction. The records and
 * the consumed offset go into one transaction, so downstream read_committed readers see a batch's
 * results exactly when the group's offset moves past it — or, on abort, neither.
 *
 * One transactional producer per input partition, with an id derived from the partition
 * (classic fencing, as before KIP-447, which kafkajs does not implement): whoever is given the
 * partition next starts a producer with the same id, which fences this one and aborts whatever
 * transaction it left open, so a stalled or killed owner cannot commit late.
 */

export type TPartitionTransactions = {
  /** Writes the records and commits `nextOffset` for the group, in one transaction. */
  write(records: readonly TOutRecord[], nextOffset: string): Promise<void>;
  close(): Promise<void>;
};

/** Leaves enough time for a slow batch; an owner killed mid-transaction is fenced long before. */
const TRANSACTION_TIMEOUT_MS = 30_000;

export async function openPartitionTransactions(
  kafka: Kafka,
  options: { transactionalId: string; groupId: string; inputTopic: string; partition: number },
): Promise<TPartitionTransactions> {
  const sending = checkedSending();
  const producer: Producer = kafka.producer({
    transactionalId: options.transactionalId,
    idempotent: true,
    maxInFlightRequests: 1,
    transactionTimeout: TRANSACTION_TIMEOUT_MS,
    createPartitioner: sending.createPartitioner,
    allowAutoTopicCreation: false,
    retry: MEMBER_RETRY,
  });
  await producer.connect();
  try {
    // kafkajs sends InitProducerId with the first transaction; an empty one fences the previous
    // holder now (its open transaction is aborted, a prepared commit completes) before any state
    // or offset of this partition is read. Ending it without records sends nothing more.
    const fence = await producer.transaction();
    await fence.abort();
  } catch (error) {
    await producer.disconnect().catch(() => undefined);
    throw error;
  }

  const offsetsOf = (nextOffset: string) => [
    { topic: options.inputTopic, partitions: [{ partition: options.partition, offset: nextOffset }] },
  ];

  return {
    async write(records, nextOffset) {
      const transaction = await producer.transaction();
      try {
        for (const chunk of sendChunks(records)) {
          await sending.sendBatch((batch) => transaction.sendBatch(batch), toTopicMessages(chunk));
        }
        await transaction.sendOffsets({ consumerGroupId: options.groupId, topics: offsetsOf(nextOffset) });
        await transaction.commit();
      } catch (error) {
        // A fenced producer cannot abort; its transaction is aborted by the one that fenced it.
        if (transaction.isActive()) await transaction.abort().catch(() => undefined);
        throw error;
      }
    },
    close: () => producer.disconnect(),
  };
}
