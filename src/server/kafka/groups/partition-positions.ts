import "server-only";
import { withMetadata, type ClusterTarget } from "../client-registry";
import type { InternalCluster, RawMetadata } from "../internal-cluster";
import { fetchRecords } from "../messages/fetch-records";
import { fetchWatermarks } from "../topics/watermarks";

type TopicPartition = { topic: string; partition: number };

/** What the log says about a partition a group reads. Offsets are int64 strings. */
export type TPartitionPosition = {
  /** The high watermark; null when the partition's leader could not be asked or the topic is gone. */
  logEndOffset: string | null;
  /** The log start offset; null as above. */
  logStartOffset: string | null;
  leader: number | null;
};

export type TTopicLayout = Map<string, number[]>;

const key = (topic: string, partition: number) => `${topic}\0${partition}`;

/**
 * Partition lists and watermarks of `topics`, with one metadata request and two ListOffsets per
 * leader broker however many topics and groups are involved. A topic deleted since a group
 * committed to it is simply absent.
 */
export async function readPositions(
  target: ClusterTarget,
  topics: ReadonlySet<string>,
): Promise<{ layout: TTopicLayout; positions: Map<string, TPartitionPosition> }> {
  if (topics.size === 0) return { layout: new Map(), positions: new Map() };
  return withMetadata(target, async (cluster) => {
    // Asking for every topic rather than by name: one unknown (deleted) name would fail the request.
    const metadata: RawMetadata = await cluster.metadata();
    const wanted = metadata.topicMetadata.filter((topic) => topics.has(topic.topic) && topic.topicErrorCode === 0);
    const watermarks = await fetchWatermarks(cluster, wanted);
    const layout: TTopicLayout = new Map();
    const positions = new Map<string, TPartitionPosition>();
    for (const topic of wanted) {
      layout.set(
        topic.topic,
        topic.partitionMetadata.map((partition) => partition.partitionId).sort((a, b) => a - b),
      );
      for (const partition of topic.partitionMetadata) {
        const marks = watermarks.get(topic.topic)?.get(partition.partitionId);
        positions.set(key(topic.topic, partition.partitionId), {
          logEndOffset: marks?.high ?? null,
          logStartOffset: marks?.low ?? null,
          leader: partition.leader >= 0 ? partition.leader : null,
        });
      }
    }
    return { layout, positions };
  });
}

export function positionOf(
  positions: Map<string, TPartitionPosition>,
  topic: string,
  partition: number,
): TPartitionPosition | undefined {
  return positions.get(key(topic, partition));
}

export type TTimestampRead = TopicPartition & { offset: bigint; leader: number };

/**
 * Timestamps (ms) of the records at the given offsets — for lag in time, the record a group reads
 * next. Group-less Fetches (nothing is committed), one per topic and leader per round. Groups on
 * the same partition share a round when their offsets fall in the batches already returned; each
 * further round takes the smallest offset still unresolved. Failures leave gaps (unknown).
 */
export async function readTimestampsAt(
  target: ClusterTarget,
  reads: readonly TTimestampRead[],
): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  let pending = [...reads];
  for (let round = 0; round < MAX_ROUNDS && pending.length > 0; round += 1) {
    const byTopic = new Map<string, Map<number, TTimestampRead>>();
    for (const read of pending) {
      const partitions = byTopic.get(read.topic) ?? new Map<number, TTimestampRead>();
      byTopic.set(read.topic, partitions);
      const smallest = partitions.get(read.partition);
      if (!smallest || read.offset < smallest.offset) partitions.set(read.partition, read);
    }
    const fetched = await withMetadata(target, (cluster) =>
      Promise.all([...byTopic].map(([topic, partitions]) => readTopic(cluster, topic, [...partitions.values()]))),
    );
    const records = new Map(fetched.flat().map((found) => [key(found.topic, found.partition), found.records]));
    pending = pending.filter((read) => {
      const partitionRecords = records.get(key(read.topic, read.partition));
      // Nothing came back for this partition: asking again would not help.
      if (!partitionRecords) return false;
      const record = partitionRecords.find((candidate) => candidate.offset >= read.offset);
      if (!record) return partitionRecords.length > 0;
      result.set(timestampKey(read.topic, read.partition, read.offset), record.timestamp);
      return false;
    });
  }
  return result;
}

/** Rounds of reads per call; a partition read by more groups at far-apart offsets beyond that stays unknown. */
const MAX_ROUNDS = 4;
/** Small: a batch is returned whole anyway (KIP-74), and we only need its first record's time. */
const BYTES_PER_PARTITION = 16 * 1024;

type TFoundRecords = TopicPartition & { records: { offset: bigint; timestamp: number }[] };

async function readTopic(cluster: InternalCluster, topic: string, reads: TTimestampRead[]): Promise<TFoundRecords[]> {
  try {
    const fetched = await fetchRecords(
      cluster,
      topic,
      reads.map((read) => ({ partition: read.partition, leader: read.leader, fromOffset: read.offset })),
      { maxWaitMs: 0, maxBytesPerPartition: BYTES_PER_PARTITION },
    );
    return fetched.map((partition) => ({
      topic,
      partition: partition.partition,
      records: partition.records.map((record) => ({ offset: record.offset, timestamp: Number(record.timestamp) })),
    }));
  } catch {
    // Time lag is a best effort: a partition moving leader or an undecodable batch leaves it unknown.
    return [];
  }
}

const timestampKey = (topic: string, partition: number, offset: bigint) => `${topic}\0${partition}\0${offset}`;

export function timestampOf(
  timestamps: Map<string, number>,
  topic: string,
  partition: number,
  offset: bigint,
): number | null {
  return timestamps.get(timestampKey(topic, partition, offset)) ?? null;
}
