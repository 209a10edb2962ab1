import "server-only";
import {
  EARLIEST_TIMESTAMP,
  LATEST_TIMESTAMP,
  READ_UNCOMMITTED,
  type InternalBroker,
  type InternalCluster,
  type RawMetadata,
} from "../internal-cluster";
import { kafkaErrorType } from "../kafka-errors";

export type TWatermarks = { low: string; high: string };

/** Watermarks by topic, then by partition id. Partitions whose leader is unknown or moving are absent. */
export type TWatermarksByTopic = Map<string, Map<number, TWatermarks>>;

type RawTopic = RawMetadata["topicMetadata"][number];

const TRANSIENT_PARTITION_ERRORS = new Set([
  "NOT_LEADER_FOR_PARTITION",
  "LEADER_NOT_AVAILABLE",
  "UNKNOWN_TOPIC_OR_PARTITION",
  "UNKNOWN_LEADER_EPOCH",
]);

/**
 * Low and high watermarks of every partition of `topics`, in two ListOffsets requests per leader
 * broker (earliest, latest) however many topics there are. kafkajs's `admin.fetchTopicOffsets`
 * sends two per topic, and its `cluster.fetchTopicsOffset` relies on the cluster's cached metadata
 * (a topic created since is silently skipped), so we group by the leaders of the metadata we hold.
 */
export async function fetchWatermarks(
  cluster: InternalCluster,
  topics: readonly RawTopic[],
): Promise<TWatermarksByTopic> {
  const byLeader = new Map<number, TopicPartition[]>();
  for (const topic of topics) {
    for (const partition of topic.partitionMetadata) {
      // No leader, no one to ask: the partition is offline and its watermarks are unknown.
      if (partition.leader < 0) continue;
      const partitions = byLeader.get(partition.leader) ?? [];
      byLeader.set(partition.leader, partitions);
      partitions.push({ topic: topic.topic, partition: partition.partitionId });
    }
  }

  const result: TWatermarksByTopic = new Map();
  await Promise.all(
    [...byLeader].map(async ([nodeId, partitions]) => {
      const broker = await cluster.findBroker({ nodeId });
      for (const found of await askLeader(broker, partitions, 0)) {
        const forTopic = result.get(found.topic) ?? new Map<number, TWatermarks>();
        result.set(found.topic, forTopic);
        forTopic.set(found.partition, { low: found.low, high: found.high });
      }
    }),
  );
  return result;
}

type TopicPartition = { topic: string; partition: number };
type FoundWatermarks = TopicPartition & TWatermarks;

/**
 * kafkajs fails a whole ListOffsets response for one partition's error. A partition whose leader
 * is moving (or that was just created or deleted) would blank every count on that broker, so a
 * failed batch is split in halves and retried, a few levels deep, leaving only the culprits
 * unknown (null) until the next refresh.
 */
const MAX_SPLIT_DEPTH = 4;

async function askLeader(
  broker: InternalBroker,
  partitions: TopicPartition[],
  depth: number,
): Promise<FoundWatermarks[]> {
  try {
    const [earliest, latest] = await Promise.all([
      listOffsets(broker, partitions, EARLIEST_TIMESTAMP),
      listOffsets(broker, partitions, LATEST_TIMESTAMP),
    ]);
    const lows = new Map<string, string>();
    for (const response of earliest.responses) {
      for (const partition of response.partitions)
        lows.set(`${response.topic}\0${partition.partition}`, partition.offset);
    }
    return latest.responses.flatMap((response) =>
      response.partitions.map((partition) => ({
        topic: response.topic,
        partition: partition.partition,
        low: lows.get(`${response.topic}\0${partition.partition}`) ?? partition.offset,
        high: partition.offset,
      })),
    );
  } catch (error) {
    if (!TRANSIENT_PARTITION_ERRORS.has(kafkaErrorType(error) ?? "")) throw error;
    if (partitions.length === 1 || depth >= MAX_SPLIT_DEPTH) return [];
    const middle = Math.ceil(partitions.length / 2);
    const halves = await Promise.all([
      askLeader(broker, partitions.slice(0, middle), depth + 1),
      askLeader(broker, partitions.slice(middle), depth + 1),
    ]);
    return halves.flat();
  }
}

function listOffsets(broker: InternalBroker, partitions: TopicPartition[], timestamp: string) {
  const byTopic = new Map<string, { partition: number; timestamp: string }[]>();
  for (const { topic, partition } of partitions) {
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), { partition, timestamp }]);
  }
  return broker.listOffsets({
    isolationLevel: READ_UNCOMMITTED,
    topics: [...byTopic].map(([topic, topicPartitions]) => ({ topic, partitions: topicPartitions })),
  });
}

/** Sum of high − low over a topic's partitions, or null when any partition's watermarks are unknown. */
export function estimateMessageCount(topic: RawTopic, watermarks: TWatermarksByTopic): string | null {
  const partitions = watermarks.get(topic.topic);
  let total = 0n;
  for (const partition of topic.partitionMetadata) {
    const marks = partitions?.get(partition.partitionId);
    if (!marks) return null;
    total += BigInt(marks.high) - BigInt(marks.low);
  }
  return total.toString();
}
