import { describe, expect, it } from "vitest";
import type { TGroupPartitionLag } from "./group-dto";
import type { TPartitionLagSeries } from "./lag-history-dto";
import { downsampleLag, pickPartitionSeries, toLagSample, type TLagRow } from "./lag-series";

const partition = (overrides: Partial<TGroupPartitionLag>): TGroupPartitionLag => ({
  topic: "orders",
  partition: 0,
  committedOffset: "10",
  logEndOffset: "15",
  lag: "5",
  timeLagMs: null,
  memberId: null,
  ...overrides,
});

describe("toLagSample", () => {
  it("sums the partition lags and keeps the oldest unconsumed record's age as the time lag", () => {
    const sample = toLagSample({
      groupId: "billing",
      observedAt: 1_000,
      partitions: [
        partition({ partition: 0, lag: "5", timeLagMs: 2_000 }),
        partition({
          partition: 1,
          committedOffset: "9007199254740993",
          logEndOffset: "9007199254740999",
          lag: "6",
          timeLagMs: 9_000,
        }),
      ],
    });
    expect(sample).toEqual({
      groupId: "billing",
      sampledAt: 1_000,
      totalLag: "11",
      timeLagMs: 9_000,
      partitions: [
        { topic: "orders", partition: 0, committed: "10", logEnd: "15", lag: "5" },
        { topic: "orders", partition: 1, committed: "9007199254740993", logEnd: "9007199254740999", lag: "6" },
      ],
    });
  });

  it("skips a group without committed offsets, and one whose lag could not be read at all", () => {
    const assignedOnly = partition({ committedOffset: null, lag: null });
    expect(toLagSample({ groupId: "new", observedAt: 1, partitions: [assignedOnly] })).toBeNull();
    expect(toLagSample({ groupId: "empty", observedAt: 1, partitions: [] })).toBeNull();
    const leaderDown = partition({ logEndOffset: null, lag: null });
    expect(toLagSample({ groupId: "unknown", observedAt: 1, partitions: [leaderDown] })).toBeNull();
  });

  it("stores a partition whose leader did not answer with a null lag, beside the known ones", () => {
    const sample = toLagSample({
      groupId: "g",
      observedAt: 1,
      partitions: [partition({ partition: 0 }), partition({ partition: 1, logEndOffset: null, lag: null })],
    });
    expect(sample?.totalLag).toBe("5");
    expect(sample?.partitions[1]).toEqual({ topic: "orders", partition: 1, committed: "10", logEnd: null, lag: null });
  });
});

const row = (
  at: number,
  totalLag: string,
  lags: Record<number, string | null>,
  timeLagMs: number | null = null,
): TLagRow => ({
  at,
  totalLag,
  timeLagMs,
  partitions: Object.entries(lags).map(([id, lag]) => ({ topic: "orders", partition: Number(id), lag })),
});

describe("downsampleLag", () => {
  it("keeps the largest lag of each bucket, so a spike between two points is not averaged away", () => {
    const rows = [
      row(0, "3", { 0: "3" }),
      row(15_000, "900", { 0: "900" }, 40_000),
      row(30_000, "4", { 0: "4" }, 5_000),
    ];
    const { points, partitions } = downsampleLag(rows, 60_000);
    expect(points).toEqual([{ at: 30_000, totalLag: "900", timeLagMs: 40_000 }]);
    expect(partitions).toEqual([{ topic: "orders", partition: 0, points: [{ at: 30_000, lag: "900" }] }]);
  });

  it("takes each partition's own peak, which may come from another sample than the total's", () => {
    const rows = [row(1_000, "10", { 0: "9", 1: "1" }), row(2_000, "8", { 0: "1", 1: "7" })];
    const { points, partitions } = downsampleLag(rows, 10_000);
    expect(points.map((point) => point.totalLag)).toEqual(["10"]);
    expect(partitions.map((series) => series.points[0]?.lag)).toEqual(["9", "7"]);
  });

  it("returns no more points than buckets, oldest first, whatever order the rows come in", () => {
    const rows = Array.from({ length: 3_000 }, (_, index) => row((2_999 - index) * 1_000, String(index), { 0: "1" }));
    const { points } = downsampleLag(rows, 10_000);
    expect(points).toHaveLength(300);
    expect(points.map((point) => point.at)).toEqual([...points.map((point) => point.at)].sort((a, b) => a - b));
  });

  it("compares lags as int64, not as text or floating point", () => {
    const rows = [
      row(0, "9", { 0: "9" }),
      row(1, "10", { 0: "10" }),
      row(2, "9223372036854775806", { 0: "9223372036854775807" }),
    ];
    const { points, partitions } = downsampleLag(rows, 1_000);
    expect(points[0]?.totalLag).toBe("9223372036854775806");
    expect(partitions[0]?.points[0]?.lag).toBe("9223372036854775807");
  });

  it("leaves a partition out of a bucket where its lag was unknown, and orders series by topic then partition", () => {
    const rows: TLagRow[] = [
      {
        at: 0,
        totalLag: "2",
        timeLagMs: null,
        partitions: [
          { topic: "b", partition: 0, lag: "1" },
          { topic: "a", partition: 2, lag: "1" },
        ],
      },
      {
        at: 5_000,
        totalLag: "1",
        timeLagMs: null,
        partitions: [
          { topic: "b", partition: 0, lag: null },
          { topic: "a", partition: 2, lag: "1" },
        ],
      },
    ];
    const { partitions } = downsampleLag(rows, 5_000);
    expect(partitions.map((series) => `${series.topic}-${series.partition}`)).toEqual(["a-2", "b-0"]);
    expect(partitions[1]?.points).toEqual([{ at: 0, lag: "1" }]);
  });

  it("gives nothing for no samples", () => {
    expect(downsampleLag([], 1_000)).toEqual({ points: [], partitions: [] });
  });
});

const series = (partition: number, peak: string, topic = "orders"): TPartitionLagSeries => ({
  topic,
  partition,
  points: [
    { at: 0, lag: "0" },
    { at: 1, lag: peak },
  ],
});

describe("pickPartitionSeries", () => {
  it("draws every partition of the asked topic when they fit, and lists the group's topics", () => {
    const all = [series(0, "1"), series(1, "2"), series(0, "3", "payments")];
    expect(pickPartitionSeries(all, "payments", 10)).toEqual({
      topics: ["orders", "payments"],
      topic: "payments",
      partitionCount: 1,
      partitions: [all[2]],
    });
  });

  it("falls back to the first topic when none or an unknown one is asked", () => {
    const all = [series(0, "1", "b"), series(0, "1", "a")];
    expect(pickPartitionSeries(all, undefined).topic).toBe("a");
    expect(pickPartitionSeries(all, "gone").topic).toBe("a");
    expect(pickPartitionSeries([], undefined)).toEqual({ topics: [], topic: null, partitionCount: 0, partitions: [] });
  });

  it("keeps the partitions with the largest peak lag when there are too many, in partition order", () => {
    const all = ["5", "50", "1", "9223372036854775807"].map((peak, partition) => series(partition, peak));
    const picked = pickPartitionSeries(all, "orders", 2);
    expect(picked.partitions.map((entry) => entry.partition)).toEqual([1, 3]);
    expect(picked.partitionCount).toBe(4);
  });
});
