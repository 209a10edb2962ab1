import "server-only";
import type { ICustomPartitioner, Message, ProducerBatch, RecordMetadata, TopicMessages } from "kafkajs";
import { AppError } from "~/lib/app-error";
import { KAFKA_PARTITIONER } from "./member-client";

/**
 * kafkajs 2.2.4 can drop records without an error. When one send spans partitions led by several
 * brokers and one of those brokers fails, kafkajs retries after reading the metadata again: the
 * failed broker's partitions now have new leaders, but every broker that had already answered the
 * first try is skipped. Records of a partition whose new leader had answered are never sent, and
 * the send resolves as if they were (seen: one record of 100,000 lost when a broker stopped).
 *
 * A checked producer notes the partition chosen for each record (its partitioner is Kafka's own,
 * murmur2, and gives a record the same partition on every try), and a send whose answer does not
 * acknowledge every one of those partitions fails. Nothing of it is committed, so the member reads
 * those records again from its last commit: at-least-once writes them again, exactly-once aborts
 * the transaction.
 */
export type TCheckedSending = {
  createPartitioner: ICustomPartitioner;
  /** Sends with `send` (a producer's or a transaction's sendBatch) and checks the answer. */
  sendBatch(
    send: (batch: ProducerBatch) => Promise<RecordMetadata[]>,
    topicMessages: TopicMessages[],
  ): Promise<void>;
};

export function checkedSending(): TCheckedSending {
  /** The partition each record was given on its first try, so that a retry gives it the same one. */
  const chosen = new WeakMap<Message, number>();
  /** Topic and partition of every record of the send in progress (one send at a time per producer). */
  let targets = new Set<string>();

  const createPartitioner: ICustomPartitioner = () => {
    const kafkaPartitioner = KAFKA_PARTITIONER();
    return (args) => {
      let partition = chosen.get(args.message);
      if (partition === undefined || partition >= args.partitionMetadata.length) {
        partition = kafkaPartitioner(args);
        chosen.set(args.message, partition);
      }
      targets.add(partitionKey(args.topic, partition));
      return partition;
    };
  };

  async function sendBatch(
    send: (batch: ProducerBatch) => Promise<RecordMetadata[]>,
    topicMessages: TopicMessages[],
  ): Promise<void> {
    targets = new Set();
    const answered = await send({ topicMessages, acks: -1 });
    const acknowledged = new Set(answered.map((entry) => partitionKey(entry.topicName, entry.partition)));
    const missing = [...targets].filter((target) => !acknowledged.has(target));
    if (missing.length > 0) {
      throw new AppError(
        "KAFKA_REJECTED",
        `Kafka did not acknowledge the records for ${missing.map(readable).join(", ")}: a partition leader moved while they were being written.`,
        "The step reads them again from its last committed offset.",
      );
    }
  }

  return { createPartitioner, sendBatch };
}

function partitionKey(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}

function readable(key: string): string {
  const [topic, partition] = key.split("\u0000");
  return `partition ${partition} of ${topic}`;
}
