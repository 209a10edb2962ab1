import "server-only";
import { withProducer, type ClusterTarget } from "./client-registry";

export type TProduceRecord = { key: string | null; value: string; headers?: Record<string, string> };
/** Where a batch landed: per partition, the offset of its first record (int64, so a string). */
export type TProducedBatch = { partition: number; baseOffset: string };

/** Produces records to one topic with acks from all in-sync replicas. */
export async function produceRecords(
  target: ClusterTarget,
  topic: string,
  records: TProduceRecord[],
): Promise<TProducedBatch[]> {
  const metadata = await withProducer(target, (producer) =>
    producer.send({ topic, acks: -1, messages: records.map((record) => ({ ...record })) }),
  );
  return metadata.map((entry) => ({ partition: entry.partition, baseOffset: entry.baseOffset ?? "0" }));
}
