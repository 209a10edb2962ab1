import "server-only";
import { EARLIEST_TIMESTAMP, READ_UNCOMMITTED, type InternalCluster } from "../internal-cluster";
import { readTopicMetadata } from "../topics/topic-metadata";
import { fetchWatermarks } from "../topics/watermarks";

/** A partition's leader and the range of offsets it holds: [low, high). */
export type TPartitionState = { partition: number; leader: number | null; low: bigint; high: bigint };

/**
 * Every partition of a topic with its leader and watermarks, sorted by partition. A partition
 * without a leader (offline) or whose watermarks could not be read has `leader: null` and an
 * empty range, so callers can say so instead of failing the whole topic.
 */
export async function readPartitionStates(cluster: InternalCluster, topicName: string): Promise<TPartitionState[]> {
  const { topic } = await readTopicMetadata(cluster, topicName);
  const watermarks = (await fetchWatermarks(cluster, [topic])).get(topicName) ?? new Map();
  return topic.partitionMetadata
    .map((partition) => {
      const marks = watermarks.get(partition.partitionId);
      if (partition.leader < 0 || !marks) return { partition: partition.partitionId, leader: null, low: 0n, high: 0n };
      return {
        partition: partition.partitionId,
        leader: partition.leader,
        low: BigInt(marks.low),
        high: BigInt(marks.high),
      };
    })
    .sort((a, b) => a.partition - b.partition);
}

/**
 * For each partition, the offset of the first record whose timestamp is at or after `timestampMs`
 * (ListOffsets by time, one request per leader), or the high watermark when no record is that new.
 */
export async function offsetsForTimestamp(
  cluster: InternalCluster,
  topicName: string,
  partitions: readonly TPartitionState[],
  timestampMs: number,
): Promise<Map<number, bigint>> {
  const result = new Map<number, bigint>();
  const byLeader = new Map<number, TPartitionState[]>();
  for (const state of partitions) {
    if (state.leader === null) continue;
    byLeader.set(state.leader, [...(byLeader.get(state.leader) ?? []), state]);
  }
  // A negative timestamp would mean "earliest"/"latest" to Kafka; before 1970 is simply "earliest".
  const timestamp = timestampMs < 0 ? EARLIEST_TIMESTAMP : String(Math.trunc(timestampMs));
  await Promise.all(
    [...byLeader].map(async ([nodeId, states]) => {
      const broker = await cluster.findBroker({ nodeId });
      const response = await broker.listOffsets({
        isolationLevel: READ_UNCOMMITTED,
        topics: [{ topic: topicName, partitions: states.map((state) => ({ partition: state.partition, timestamp })) }],
      });
      for (const topic of response.responses) {
        for (const partition of topic.partitions) {
          const state = states.find((candidate) => candidate.partition === partition.partition);
          const offset = BigInt(partition.offset);
          // -1: no record at or after the time, so reading starts at the end.
          result.set(partition.partition, offset < 0n ? (state?.high ?? 0n) : offset);
        }
      }
    }),
  );
  return result;
}
