import "server-only";
import type { Kafka, Offsets, Producer } from "kafkajs";
import { isRebalanceError } from "./member-failures";
import { checkedSending } from "./checked-send";
import { MEMBER_RETRY } from "./member-client";
import { toTopicMessages } from "./record-mapping";
import { sendChunks } from "./send-chunks";
import type { TOutRecord } from "./step-member-types";

/**
 * At-least-once: write a batch's records with acks from all in-sync replicas, and only then commit
 * the offset after the batch. One idempotent producer per member (the broker drops the duplicates
 * its own retries would make) shared by every partition.
 *
 * Two stages, each one request at a time, each taking everything queued while it was busy:
 * - send: whatever was queued goes out in one sendBatch (kafkajs's idempotent producer must not
 *   have two sends in flight: it would give both the same sequence numbers);
 * - commit: acknowledged writes are committed in one OffsetCommit for all of their partitions.
 * While one group of writes is being committed the next one is already being sent, so a member
 * spends no round trip waiting for a commit before it writes again. No timer, no added latency when
 * idle; under load fewer, larger requests. Queue order keeps each partition's records and commits
 * in order.
 */

type TCommit = (offsets: Offsets) => Promise<void>;

type TQueuedWrite = {
  partition: number;
  records: readonly TOutRecord[];
  /** The offset to commit: after the batch's last record. */
  nextOffset: string;
  commit: TCommit;
  resolve: () => void;
  reject: (error: unknown) => void;
};

export type TAckedWriter = {
  /** Resolves once the records are acknowledged and the offset is committed (or refused by a rebalance). */
  write(partition: number, records: readonly TOutRecord[], nextOffset: string, commit: TCommit): Promise<void>;
  /**
   * Commits again the offsets a rebalance refused, for the partitions still held. Records were
   * written, so without this a partition that receives nothing more would keep its old committed
   * offset — lag that never clears, and a replay after the next restart.
   */
  commitRefused(held: readonly number[], commit: TCommit): Promise<void>;
  produced(): number;
  close(): Promise<void>;
};

export async function openAckedWriter(kafka: Kafka, inputTopic: string): Promise<TAckedWriter> {
  const sending = checkedSending();
  const producer: Producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: sending.createPartitioner,
    allowAutoTopicCreation: false,
    retry: MEMBER_RETRY,
  });
  await producer.connect();

  const sendQueue: TQueuedWrite[] = [];
  const commitQueue: TQueuedWrite[] = [];
  let isSending = false;
  let isCommitting = false;
  let produced = 0;
  /** Offsets written but not committed because a rebalance refused the commit, by partition. */
  const refused = new Map<number, bigint>();

  async function sendQueued(): Promise<void> {
    isSending = true;
    while (sendQueue.length > 0) {
      const writes = sendQueue.splice(0);
      try {
        const records = writes.length === 1 ? writes[0]!.records : writes.flatMap((write) => write.records);
        for (const chunk of sendChunks(records)) {
          await sending.sendBatch((batch) => producer.sendBatch(batch), toTopicMessages(chunk));
        }
        produced += records.length;
      } catch (error) {
        for (const write of writes) write.reject(error);
        continue;
      }
      commitQueue.push(...writes);
      if (!isCommitting) void commitQueued();
    }
    isSending = false;
  }

  async function commitQueued(): Promise<void> {
    isCommitting = true;
    while (commitQueue.length > 0) {
      const writes = commitQueue.splice(0);
      try {
        await commitAfter(writes);
        for (const write of writes) write.resolve();
      } catch (error) {
        for (const write of writes) write.reject(error);
      }
    }
    isCommitting = false;
  }

  async function commitAfter(writes: readonly TQueuedWrite[]): Promise<void> {
    // Writes of one partition are queued in offset order, so the last one's offset is the one to keep.
    const offsets = new Map<number, string>();
    for (const write of writes) offsets.set(write.partition, write.nextOffset);
    const partitions = [...offsets].map(([partition, offset]) => ({ partition, offset }));
    try {
      await writes[writes.length - 1]!.commit({ topics: [{ topic: inputTopic, partitions }] });
      for (const { partition, offset } of partitions) {
        if ((refused.get(partition) ?? -1n) <= BigInt(offset)) refused.delete(partition);
      }
    } catch (error) {
      if (!isRebalanceError(error)) throw error;
      for (const { partition, offset } of partitions) {
        refused.set(partition, maxOf(refused.get(partition), BigInt(offset)));
      }
    }
  }

  async function commitRefused(held: readonly number[], commit: TCommit): Promise<void> {
    // Another member may own a partition now and be further on: never commit what we no longer hold.
    for (const partition of [...refused.keys()]) if (!held.includes(partition)) refused.delete(partition);
    if (refused.size === 0 || isCommitting) return;
    const pending = [...refused].map(([partition, offset]) => ({ partition, offset: offset.toString() }));
    try {
      await commit({ topics: [{ topic: inputTopic, partitions: pending }] });
      for (const { partition, offset } of pending) {
        if (refused.get(partition) === BigInt(offset)) refused.delete(partition);
      }
    } catch {
      // Still rebalancing or the coordinator is moving: the next try comes with the next tick.
    }
  }

  return {
    write(partition, records, nextOffset, commit) {
      return new Promise<void>((resolve, reject) => {
        sendQueue.push({ partition, records, nextOffset, commit, resolve, reject });
        if (!isSending) void sendQueued();
      });
    },
    commitRefused,
    produced: () => produced,
    close: () => producer.disconnect(),
  };
}

function maxOf(a: bigint | undefined, b: bigint): bigint {
  return a === undefined || a < b ? b : a;
}
