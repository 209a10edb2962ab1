import "server-only";
import type { TSampledKey } from "~/domain/topics/topic-dto";
import { withMetadata, type ClusterTarget } from "../client-registry";
import { READ_UNCOMMITTED } from "../internal-cluster";
import { readTopicMetadata } from "./topic-metadata";
import { fetchWatermarks } from "./watermarks";

export type TSampleKeysOptions = {
  /** At most this many records in all, spread evenly over the partitions. */
  limit: number;
  /** Per partition cap on the bytes fetched, so one partition of large values cannot blow the budget. */
  maxBytesPerPartition?: number;
  /**
   * "even" (the default): limit ÷ partitions from each. "byRetained": each partition's share of the
   * limit follows its share of the retained records (high − low), so a busier partition gives more —
   * a sample that can show hot partitions, which an even split never can.
   */
  spread?: "even" | "byRetained";
};

const DEFAULT_MAX_BYTES_PER_PARTITION = 1024 * 1024;

/**
 * The keys and partitions of the most recent records of a topic: up to limit ÷ partitions from
 * the tail of each partition. Reads with plain Fetch requests (one per leader broker) instead of
 * a consumer, so no consumer group is joined and nothing is committed. One round only: a
 * partition whose recent records are larger than `maxBytesPerPartition` contributes fewer.
 */
export async function sampleRecentKeys(
  target: ClusterTarget,
  name: string,
  options: TSampleKeysOptions,
): Promise<TSampledKey[]> {
  return withMetadata(target, async (cluster) => {
    const { topic } = await readTopicMetadata(cluster, name);
    const partitionCount = topic.partitionMetadata.length;
    if (partitionCount === 0 || options.limit <= 0) return [];
    const watermarks = (await fetchWatermarks(cluster, [topic])).get(name) ?? new Map();
    const quotaOf = quotas(
      topic.partitionMetadata.map((partition) => watermarks.get(partition.partitionId)),
      options,
    );

    // Where to start reading in each partition, grouped by the leader that serves it.
    const ranges = new Map<number, { start: bigint; high: bigint }>();
    const byLeader = new Map<number, number[]>();
    for (const [index, partition] of topic.partitionMetadata.entries()) {
      const marks = watermarks.get(partition.partitionId);
      const perPartition = quotaOf(index);
      if (!marks || marks.high === marks.low) continue;
      const high = BigInt(marks.high);
      const low = BigInt(marks.low);
      ranges.set(partition.partitionId, { start: high - perPartition > low ? high - perPartition : low, high });
      byLeader.set(partition.leader, [...(byLeader.get(partition.leader) ?? []), partition.partitionId]);
    }

    const maxBytes = options.maxBytesPerPartition ?? DEFAULT_MAX_BYTES_PER_PARTITION;
    const samples = await Promise.all(
      [...byLeader].map(async ([nodeId, partitions]) => {
        const broker = await cluster.findBroker({ nodeId });
        const response = await broker.fetch({
          isolationLevel: READ_UNCOMMITTED,
          // The records are already there (we stop at the high watermark): do not wait for more.
          maxWaitTime: 0,
          minBytes: 0,
          maxBytes: maxBytes * partitions.length,
          topics: [
            {
              topic: name,
              partitions: partitions.map((partition) => ({
                partition,
                fetchOffset: (ranges.get(partition)?.start ?? 0n).toString(),
                maxBytes,
              })),
            },
          ],
        });
        return response.responses.flatMap((topicResponse) =>
          topicResponse.partitions.flatMap((partition) => {
            const range = ranges.get(partition.partition);
            if (!range) return [];
            // A fetch returns whole batches, so records before `start` can come back too.
            return partition.messages
              .filter((record) => !record.isControlRecord)
              .filter((record) => BigInt(record.offset) >= range.start && BigInt(record.offset) < range.high)
              .map((record) => ({
                partition: partition.partition,
                key: record.key ? record.key.toString("utf8") : null,
              }));
          }),
        );
      }),
    );
    return samples.flat().slice(0, options.limit);
  });
}

/** How many of the most recent records to read from the partition at each index. */
function quotas(
  marks: ({ low: string; high: string } | undefined)[],
  options: TSampleKeysOptions,
): (index: number) => bigint {
  const even = BigInt(Math.max(1, Math.floor(options.limit / marks.length)));
  if (options.spread !== "byRetained") return () => even;
  const retained = marks.map((mark) => (mark ? BigInt(mark.high) - BigInt(mark.low) : 0n));
  const total = retained.reduce((sum, count) => sum + count, 0n);
  const limit = BigInt(options.limit);
  // Everything fits: read it all, so the counts are exact rather than estimated.
  if (total <= limit) return (index) => retained[index] ?? 0n;
  return (index) => {
    const share = ((retained[index] ?? 0n) * limit) / total;
    return share > 0n ? share : 1n;
  };
}
