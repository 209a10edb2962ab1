import { assertPartitionCount } from "./murmur2";

/**
 * How keys and messages spread over a topic's partitions, from a bounded sample of records.
 *
 * The sample must be proportional to traffic — e.g. every record of a time window across all
 * partitions. The last N records *of each partition* would make every partition look equally busy,
 * and no partition could ever be hot.
 */

/** One sampled record: where it is and its key (null when produced without one). */
export type KeyedRecordSample = { partition: number; key: string | null };

/** One partition's share of the sample. */
export type PartitionKeyStats = {
  partition: number;
  /** Sampled messages on this partition. */
  messages: number;
  /** Distinct non-null keys among them. */
  distinctKeys: number;
  /** Messages without a key (spread by the producer, not by hash). */
  nullKeyMessages: number;
  /** The most frequent key here — usually why a partition is hot. Ties go to the key seen first. */
  topKey: { key: string; messages: number } | null;
  /** Whether this partition is hot by the rule of {@link summarizeKeyDistribution}. */
  isHot: boolean;
};

export type KeyDistribution = {
  sampledMessages: number;
  /** Distinct non-null keys over all partitions. */
  distinctKeys: number;
  /**
   * Keys seen on more than one partition. Kafka's default partitioner keeps a key on one partition,
   * so these come from added partitions (old records stay behind) or another partitioner.
   */
  keysOnSeveralPartitions: number;
  /** Every partition, ascending; with `partitionCount` also those the sample never hit. */
  partitions: PartitionKeyStats[];
  meanMessagesPerPartition: number;
  /** False when the sample is too small (or the topic has one partition) to call any partition hot. */
  canJudgeHotPartitions: boolean;
  hotPartitions: number[];
};

/** A partition is hot when it holds more than this many times the mean message count. */
export const HOT_PARTITION_FACTOR = 1.5;

/**
 * Hot partitions are judged only when partitions average at least this many sampled messages.
 * Spread evenly at random, a partition's count is roughly binomial with mean μ and standard
 * deviation √μ; at μ = 64 the 1.5× line (μ + 32) sits 4 standard deviations above the mean, so
 * chance alone almost never crosses it, while a real hot key does. Fewer, and noise would.
 */
export const MIN_MEAN_MESSAGES_FOR_HOT_PARTITIONS = 64;

type PartitionTally = { messages: number; nullKeyMessages: number; keyCounts: Map<string, number> };

/**
 * Summarizes a sample per partition. Pass `partitionCount` (from the topic's metadata) so partitions
 * the sample never hit count as empty — otherwise they are invisible and the mean is too high.
 */
export function summarizeKeyDistribution(
  records: Iterable<KeyedRecordSample>,
  options: { partitionCount?: number } = {},
): KeyDistribution {
  if (options.partitionCount !== undefined) assertPartitionCount(options.partitionCount);
  const tallies = new Map<number, PartitionTally>();
  const tallyOf = (partition: number): PartitionTally => {
    let tally = tallies.get(partition);
    if (!tally) {
      tally = { messages: 0, nullKeyMessages: 0, keyCounts: new Map() };
      tallies.set(partition, tally);
    }
    return tally;
  };
  for (let partition = 0; partition < (options.partitionCount ?? 0); partition++) tallyOf(partition);

  let sampledMessages = 0;
  for (const { partition, key } of records) {
    if (!Number.isSafeInteger(partition) || partition < 0) {
      throw new RangeError(`A partition is a whole number from 0, not ${partition}.`);
    }
    const tally = tallyOf(partition);
    sampledMessages += 1;
    tally.messages += 1;
    if (key === null) tally.nullKeyMessages += 1;
    else tally.keyCounts.set(key, (tally.keyCounts.get(key) ?? 0) + 1);
  }

  const partitionCount = tallies.size;
  const meanMessagesPerPartition = partitionCount === 0 ? 0 : sampledMessages / partitionCount;
  const canJudgeHotPartitions = partitionCount >= 2 && meanMessagesPerPartition >= MIN_MEAN_MESSAGES_FOR_HOT_PARTITIONS;
  const hotThreshold = HOT_PARTITION_FACTOR * meanMessagesPerPartition;

  const partitionsOfKey = new Map<string, number>();
  const partitions = [...tallies.entries()]
    .sort(([a], [b]) => a - b)
    .map(([partition, tally]): PartitionKeyStats => {
      for (const key of tally.keyCounts.keys()) partitionsOfKey.set(key, (partitionsOfKey.get(key) ?? 0) + 1);
      return {
        partition,
        messages: tally.messages,
        distinctKeys: tally.keyCounts.size,
        nullKeyMessages: tally.nullKeyMessages,
        topKey: topKeyOf(tally.keyCounts),
        isHot: canJudgeHotPartitions && tally.messages > hotThreshold,
      };
    });

  let keysOnSeveralPartitions = 0;
  for (const count of partitionsOfKey.values()) if (count > 1) keysOnSeveralPartitions += 1;

  return {
    sampledMessages,
    distinctKeys: partitionsOfKey.size,
    keysOnSeveralPartitions,
    partitions,
    meanMessagesPerPartition,
    canJudgeHotPartitions,
    hotPartitions: partitions.filter((stats) => stats.isHot).map((stats) => stats.partition),
  };
}

function topKeyOf(keyCounts: Map<string, number>): PartitionKeyStats["topKey"] {
  let top: PartitionKeyStats["topKey"] = null;
  for (const [key, messages] of keyCounts) if (!top || messages > top.messages) top = { key, messages };
  return top;
}
