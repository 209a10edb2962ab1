import "server-only";
import { AppError } from "~/lib/app-error";
import {
  READ_COMMITTED,
  READ_UNCOMMITTED,
  type InternalCluster,
  type RawFetchResponse,
  type RawRecord,
} from "../internal-cluster";
import { kafkaErrorType } from "../kafka-errors";
import { toFetchedRecord, type TFetchedRecord } from "./fetched-record";

/**
 * The group-less read: plain Fetch requests sent straight to each partition's leader. Nothing
 * joins a consumer group, commits an offset or writes to __consumer_offsets — browsing, tailing
 * and searching all read through here.
 */

export type TPartitionRead = {
  partition: number;
  /** The leader to ask (from readPartitionStates). */
  leader: number;
  /** Records at or after this offset are returned; it must lie within [low, high]. */
  fromOffset: bigint;
};

export type TFetchOptions = {
  /** How long the broker may wait for new records when there are none yet (0 for a page of old ones). */
  maxWaitMs: number;
  /** Bytes per partition per round. Kafka still returns one whole batch when it is larger (KIP-74). */
  maxBytesPerPartition: number;
  /**
   * Read only committed records (up to the last stable offset, aborted transactions left out), as
   * a consumer with isolation.level=read_committed would: how a step's changelog is restored.
   */
  readCommitted?: boolean;
  signal?: AbortSignal;
};

export type TPartitionFetch = {
  partition: number;
  /** Data records (no transaction markers) at or after `fromOffset`, in offset order. */
  records: TFetchedRecord[];
  /** Where the next round continues: past the last batch seen, even when it held only markers. */
  nextOffset: bigint;
  highWatermark: bigint;
};

/**
 * One round of reads: one Fetch per leader broker, in parallel. A partition whose next batch did
 * not fit into its share of a multi-partition response (a record of megabytes) is asked again
 * alone, where Kafka returns at least one batch whatever its size.
 */
export async function fetchRecords(
  cluster: InternalCluster,
  topic: string,
  reads: readonly TPartitionRead[],
  options: TFetchOptions,
): Promise<TPartitionFetch[]> {
  const byLeader = new Map<number, TPartitionRead[]>();
  for (const read of reads) byLeader.set(read.leader, [...(byLeader.get(read.leader) ?? []), read]);
  const rounds = await Promise.all(
    [...byLeader].map(([leader, group]) => fetchFromLeader(cluster, topic, leader, group, options)),
  );
  const fetched = rounds.flat();

  const starved = fetched.filter((result) => {
    const read = reads.find((candidate) => candidate.partition === result.partition);
    return read && result.nextOffset === read.fromOffset && read.fromOffset < result.highWatermark;
  });
  if (starved.length === 0 || reads.length === 1) return fetched;
  const retried = await Promise.all(
    starved.map((result) => {
      const read = reads.find((candidate) => candidate.partition === result.partition)!;
      return fetchFromLeader(cluster, topic, read.leader, [read], { ...options, maxWaitMs: 0 });
    }),
  );
  const byPartition = new Map(fetched.map((result) => [result.partition, result]));
  for (const result of retried.flat()) byPartition.set(result.partition, result);
  return [...byPartition.values()];
}

async function fetchFromLeader(
  cluster: InternalCluster,
  topic: string,
  leader: number,
  reads: readonly TPartitionRead[],
  options: TFetchOptions,
): Promise<TPartitionFetch[]> {
  if (options.signal?.aborted) return [];
  const broker = await cluster.findBroker({ nodeId: leader });
  let response: RawFetchResponse;
  try {
    response = await broker.fetch({
      isolationLevel: options.readCommitted ? READ_COMMITTED : READ_UNCOMMITTED,
      maxWaitTime: options.maxWaitMs,
      // With a wait, answer as soon as anything arrives; without one, answer now.
      minBytes: options.maxWaitMs > 0 ? 1 : 0,
      maxBytes: options.maxBytesPerPartition * reads.length,
      topics: [
        {
          topic,
          partitions: reads.map((read) => ({
            partition: read.partition,
            fetchOffset: read.fromOffset.toString(),
            maxBytes: options.maxBytesPerPartition,
          })),
        },
      ],
    });
  } catch (error) {
    throw explainFetchError(error, topic);
  }

  return response.responses.flatMap((topicResponse) =>
    topicResponse.partitions.map((partition) => {
      const from = reads.find((read) => read.partition === partition.partition)?.fromOffset ?? 0n;
      let nextOffset = from;
      const records: TFetchedRecord[] = [];
      const isAborted = abortedRecordFilter(partition.abortedTransactions ?? []);
      for (const raw of partition.messages) {
        const offset = BigInt(raw.offset);
        // Compaction leaves gaps, also at a batch's end: continue after the batch's last offset.
        const batchEnd = batchLastOffset(raw) ?? offset;
        if (batchEnd >= nextOffset) nextOffset = batchEnd + 1n;
        // A fetch returns whole batches, so records before `from` come back too.
        if (isAborted(raw, offset) || raw.isControlRecord || offset < from) continue;
        records.push(toFetchedRecord(partition.partition, raw));
      }
      return { partition: partition.partition, records, nextOffset, highWatermark: BigInt(partition.highWatermark) };
    }),
  );
}

/**
 * Kafka's read_committed rule: from an aborted transaction's first offset on, the transactional
 * records of its producer are skipped until that producer's next control record (the abort marker).
 * Called once per record, in offset order.
 */
function abortedRecordFilter(
  abortedTransactions: readonly { producerId: string; firstOffset: string }[],
): (raw: RawRecord, offset: bigint) => boolean {
  if (abortedTransactions.length === 0) return () => false;
  const pending = abortedTransactions
    .map((transaction) => ({ producerId: transaction.producerId, firstOffset: BigInt(transaction.firstOffset) }))
    .sort((a, b) => (a.firstOffset < b.firstOffset ? -1 : a.firstOffset > b.firstOffset ? 1 : 0));
  const abortedProducers = new Set<string>();
  return (raw, offset) => {
    while (pending.length > 0 && pending[0]!.firstOffset <= offset) abortedProducers.add(pending.shift()!.producerId);
    const producerId = raw.batchContext?.producerId;
    if (producerId === undefined) return false;
    if (raw.isControlRecord) {
      abortedProducers.delete(producerId);
      return false;
    }
    return raw.batchContext?.inTransaction === true && abortedProducers.has(producerId);
  };
}

function batchLastOffset(raw: RawRecord): bigint | null {
  const context = raw.batchContext;
  if (context?.firstOffset === undefined || context.lastOffsetDelta === undefined) return null;
  return BigInt(context.firstOffset) + BigInt(context.lastOffsetDelta);
}

function explainFetchError(error: unknown, topic: string): unknown {
  if (error instanceof Error && error.name === "KafkaJSNotImplemented") {
    // kafkajs decodes gzip only; Java producers often compress with lz4, zstd or snappy.
    return new AppError(
      "KAFKA_REJECTED",
      `Some records of ${topic} are compressed with a codec Tributary cannot decode yet (${error.message.replace(/ not implemented$/, "")}).`,
      "Records compressed with gzip or not compressed can be read; ask the producers which codec they use.",
      { cause: error },
    );
  }
  if (kafkaErrorType(error) === "OFFSET_OUT_OF_RANGE") {
    return new AppError(
      "CONFLICT",
      `The requested offsets of ${topic} are no longer (or not yet) in the log.`,
      "Retention may have deleted them a moment ago; start from the earliest or latest offset again.",
      { cause: error },
    );
  }
  return error;
}
