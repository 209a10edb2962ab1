import "server-only";
import type { TPartitionTimestamps } from "~/domain/topics/topic-dto";
import { withMetadata, type ClusterTarget } from "../client-registry";
import { READ_UNCOMMITTED, type InternalCluster, type RawRecord } from "../internal-cluster";
import { readTopicMetadata } from "./topic-metadata";
import { fetchWatermarks } from "./watermarks";

/**
 * Kafka answers a Fetch with at least one whole batch even when it is larger than this (KIP-74),
 * so a small cap is enough to get the one record we want and keeps large batches from piling up.
 */
const MAX_BYTES_PER_PARTITION = 64 * 1024;

type Ends = { low: bigint; high: bigint };

/**
 * The timestamps of the oldest and newest retained record of every partition of a topic: one
 * Fetch per leader broker at the low watermarks and one at high − 1. Plain Fetch requests, so no
 * consumer group is joined and nothing is committed. An empty partition has nulls.
 */
export async function readPartitionTimestamps(target: ClusterTarget, name: string): Promise<TPartitionTimestamps[]> {
  return withMetadata(target, async (cluster) => {
    const { topic } = await readTopicMetadata(cluster, name);
    const watermarks = (await fetchWatermarks(cluster, [topic])).get(name) ?? new Map();
    const ends = new Map<number, Ends>();
    const byLeader = new Map<number, number[]>();
    for (const partition of topic.partitionMetadata) {
      const marks = watermarks.get(partition.partitionId);
      if (!marks || marks.high === marks.low || partition.leader < 0) continue;
      ends.set(partition.partitionId, { low: BigInt(marks.low), high: BigInt(marks.high) });
      byLeader.set(partition.leader, [...(byLeader.get(partition.leader) ?? []), partition.partitionId]);
    }

    const oldest = new Map<number, number>();
    const newest = new Map<number, number>();
    await Promise.all(
      [...byLeader].flatMap(([nodeId, partitions]) => [
        fetchAt(cluster, nodeId, name, partitions, (p) => ends.get(p)?.low ?? 0n).then((records) => {
          for (const [partition, messages] of records) {
            const low = ends.get(partition)?.low ?? 0n;
            // A compacted or truncated log may start after `low`: the first record at or after it is the oldest.
            const first = messages.find((record) => BigInt(record.offset) >= low);
            if (first) oldest.set(partition, Number(first.timestamp));
          }
        }),
        fetchAt(cluster, nodeId, name, partitions, (p) => (ends.get(p)?.high ?? 1n) - 1n).then((records) => {
          for (const [partition, messages] of records) {
            const high = ends.get(partition)?.high ?? 0n;
            // The batch holding high − 1 comes back whole; if high − 1 is a transaction marker,
            // the last data record before it is the newest.
            const last = messages.filter((record) => BigInt(record.offset) < high).at(-1);
            if (last) newest.set(partition, Number(last.timestamp));
          }
        }),
      ]),
    );

    return topic.partitionMetadata
      .map((partition) => partition.partitionId)
      .sort((a, b) => a - b)
      .map((partition) => ({
        partition,
        oldestTimestamp: oldest.get(partition) ?? null,
        newestTimestamp: newest.get(partition) ?? null,
      }));
  });
}

/** One Fetch to one broker for `partitions`, each from `offsetOf(partition)`; data records by partition. */
async function fetchAt(
  cluster: InternalCluster,
  nodeId: number,
  topic: string,
  partitions: number[],
  offsetOf: (partition: number) => bigint,
): Promise<Map<number, RawRecord[]>> {
  const broker = await cluster.findBroker({ nodeId });
  const response = await broker.fetch({
    isolationLevel: READ_UNCOMMITTED,
    // The records are there already (below the high watermark): do not wait for more.
    maxWaitTime: 0,
    minBytes: 0,
    maxBytes: MAX_BYTES_PER_PARTITION * partitions.length,
    topics: [
      {
        topic,
        partitions: partitions.map((partition) => ({
          partition,
          fetchOffset: offsetOf(partition).toString(),
          maxBytes: MAX_BYTES_PER_PARTITION,
        })),
      },
    ],
  });
  const result = new Map<number, RawRecord[]>();
  for (const topicResponse of response.responses) {
    for (const partition of topicResponse.partitions) {
      result.set(
        partition.partition,
        partition.messages.filter((record) => !record.isControlRecord),
      );
    }
  }
  return result;
}
