import "server-only";
import { withMetadata, type ClusterTarget } from "~/server/kafka/client-registry";
import { readPartitionStates } from "~/server/kafka/messages/partition-states";
import { readTailRange } from "~/server/kafka/messages/tail-range";
import { lookupTopicSchema } from "../../messages/schemas/topic-schema";
import { toStepRecord } from "./step-records";

/** The most records read from one table topic: a dry run joins with a bounded copy of the table. */
export const MAX_TABLE_RECORDS = 50_000;

export type TEnrichTable = {
  topic: string;
  /** The latest value per key (a tombstone removes its key). */
  values: Map<string, unknown>;
  records: number;
  /** A sentence when older records were left out, else null. */
  cut: string | null;
};

/**
 * A compacted topic as enrich joins with it: the latest value per key, read without a consumer
 * group from the newest records of each partition, at most MAX_TABLE_RECORDS in all (split over
 * the partitions by how many records each holds).
 */
export async function readEnrichTable(cluster: ClusterTarget & { id: string }, topic: string): Promise<TEnrichTable> {
  const { codec } = await lookupTopicSchema(cluster.id, topic);
  const { records, cutOffsets } = await withMetadata(cluster, async (internal) => {
    const states = await readPartitionStates(internal, topic);
    const ranges = states.flatMap((state) =>
      state.leader === null || state.high === state.low
        ? []
        : [{ partition: state.partition, leader: state.leader, from: state.low, to: state.high }],
    );
    const perPartition = Math.max(1, Math.floor(MAX_TABLE_RECORDS / Math.max(1, ranges.length)));
    return readTailRange(internal, topic, ranges, perPartition);
  });
  const values = new Map<string, unknown>();
  // Per partition in offset order, so the later value of a key wins (a key lives on one partition).
  for (const fetched of [...records].sort((a, b) => a.partition - b.partition || (a.offset < b.offset ? -1 : 1))) {
    const record = toStepRecord(topic, fetched, codec);
    if (record.key === null) continue;
    if (record.value === null) values.delete(record.key);
    else values.set(record.key, record.value);
  }
  const cut =
    cutOffsets > 0n
      ? `The dry run joined with the newest ${records.length.toLocaleString("en-US")} records of ${topic}; ${cutOffsets.toLocaleString("en-US")} older offsets were left out, so keys seen only there count as missing.`
      : null;
  return { topic, values, records: records.length, cut };
}
