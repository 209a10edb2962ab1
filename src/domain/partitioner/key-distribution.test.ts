import { describe, expect, it } from "vitest";
import {
  HOT_PARTITION_FACTOR,
  MIN_MEAN_MESSAGES_FOR_HOT_PARTITIONS,
  summarizeKeyDistribution,
  type KeyedRecordSample,
} from "./key-distribution";
import { partitionForKey } from "./murmur2";

/** `count` records of `key` on `partition`. */
function records(partition: number, key: string | null, count: number): KeyedRecordSample[] {
  return Array.from({ length: count }, () => ({ partition, key }));
}

describe("summarizeKeyDistribution", () => {
  it("counts messages and distinct keys per partition and in total", () => {
    const summary = summarizeKeyDistribution([
      ...records(0, "server-1-cpu", 3),
      ...records(1, "server-2-cpu", 2),
      ...records(1, "server-3-cpu", 1),
      ...records(1, null, 4),
    ]);
    expect(summary).toMatchObject({ sampledMessages: 10, distinctKeys: 3, keysOnSeveralPartitions: 0 });
    expect(summary.partitions).toEqual([
      {
        partition: 0,
        messages: 3,
        distinctKeys: 1,
        nullKeyMessages: 0,
        topKey: { key: "server-1-cpu", messages: 3 },
        isHot: false,
      },
      {
        partition: 1,
        messages: 7,
        distinctKeys: 2,
        nullKeyMessages: 4,
        topKey: { key: "server-2-cpu", messages: 2 },
        isHot: false,
      },
    ]);
  });

  it("lists partitions the sample never hit when given the partition count, and averages over them", () => {
    const summary = summarizeKeyDistribution(records(2, "k", 6), { partitionCount: 4 });
    expect(summary.partitions.map(({ partition, messages }) => [partition, messages])).toEqual([
      [0, 0],
      [1, 0],
      [2, 6],
      [3, 0],
    ]);
    expect(summary.partitions[0]?.topKey).toBeNull();
    expect(summary.meanMessagesPerPartition).toBe(1.5);
  });

  it("keeps a partition beyond the given count, e.g. one added after the count was read", () => {
    const summary = summarizeKeyDistribution(records(5, "k", 1), { partitionCount: 3 });
    expect(summary.partitions.map(({ partition }) => partition)).toEqual([0, 1, 2, 5]);
  });

  it("flags a partition with more than 1.5× the mean message count once the sample is large enough", () => {
    // 160 + 20 + 12 = 192 messages over 3 partitions: mean 64 (the minimum), threshold 96.
    const summary = summarizeKeyDistribution(
      [...records(0, "server-7-cpu", 160), ...records(1, "a", 20), ...records(2, "b", 12)],
      { partitionCount: 3 },
    );
    expect(summary).toMatchObject({
      meanMessagesPerPartition: MIN_MEAN_MESSAGES_FOR_HOT_PARTITIONS,
      canJudgeHotPartitions: true,
    });
    expect(summary.hotPartitions).toEqual([0]);
    expect(summary.partitions[0]).toMatchObject({ isHot: true, topKey: { key: "server-7-cpu", messages: 160 } });
  });

  it("does not flag a partition at exactly 1.5× the mean", () => {
    // 192 + 64 over 2 partitions: mean 128, threshold 192.
    const summary = summarizeKeyDistribution([...records(0, "a", 192), ...records(1, "b", 64)]);
    expect(summary.meanMessagesPerPartition * HOT_PARTITION_FACTOR).toBe(192);
    expect(summary.canJudgeHotPartitions).toBe(true);
    expect(summary.hotPartitions).toEqual([]);
  });

  it("does not judge hot partitions from a sample averaging fewer than the minimum per partition", () => {
    const summary = summarizeKeyDistribution([...records(0, "a", 100), ...records(1, "b", 1), ...records(2, "c", 1)], {
      partitionCount: 3,
    });
    expect(summary.meanMessagesPerPartition).toBeLessThan(MIN_MEAN_MESSAGES_FOR_HOT_PARTITIONS);
    expect(summary.canJudgeHotPartitions).toBe(false);
    expect(summary.hotPartitions).toEqual([]);
    expect(summary.partitions.every(({ isHot }) => !isHot)).toBe(true);
  });

  it("never calls the only partition of a topic hot", () => {
    const summary = summarizeKeyDistribution(records(0, "a", 10_000), { partitionCount: 1 });
    expect(summary.canJudgeHotPartitions).toBe(false);
    expect(summary.hotPartitions).toEqual([]);
  });

  it("finds no hot partition in evenly spread keyed traffic", () => {
    // 600 sensor keys, 10 messages each, placed by Kafka's partitioner over 6 partitions.
    const sample = Array.from({ length: 600 }, (_, index) => `server-${index}-cpu`).flatMap((key) =>
      records(partitionForKey(key, 6), key, 10),
    );
    const summary = summarizeKeyDistribution(sample, { partitionCount: 6 });
    expect(summary).toMatchObject({ sampledMessages: 6000, distinctKeys: 600, canJudgeHotPartitions: true });
    expect(summary.hotPartitions).toEqual([]);
    expect(summary.partitions.reduce((sum, { distinctKeys }) => sum + distinctKeys, 0)).toBe(600);
  });

  it("counts keys seen on several partitions, as after partitions were added", () => {
    const summary = summarizeKeyDistribution([
      ...records(1, "server-1-cpu", 2),
      ...records(4, "server-1-cpu", 2),
      ...records(2, "server-2-cpu", 1),
    ]);
    expect(summary).toMatchObject({ distinctKeys: 2, keysOnSeveralPartitions: 1 });
  });

  it("gives a tie for the top key to the key seen first", () => {
    const summary = summarizeKeyDistribution([...records(0, "b", 2), ...records(0, "a", 2)]);
    expect(summary.partitions[0]?.topKey).toEqual({ key: "b", messages: 2 });
  });

  it("summarizes an empty sample without dividing by zero", () => {
    expect(summarizeKeyDistribution([])).toEqual({
      sampledMessages: 0,
      distinctKeys: 0,
      keysOnSeveralPartitions: 0,
      partitions: [],
      meanMessagesPerPartition: 0,
      canJudgeHotPartitions: false,
      hotPartitions: [],
    });
  });

  it("rejects a negative or fractional partition and a partition count below 1", () => {
    expect(() => summarizeKeyDistribution([{ partition: -1, key: "k" }])).toThrow(RangeError);
    expect(() => summarizeKeyDistribution([{ partition: 0.5, key: "k" }])).toThrow(RangeError);
    expect(() => summarizeKeyDistribution([], { partitionCount: 0 })).toThrow(RangeError);
  });
});
