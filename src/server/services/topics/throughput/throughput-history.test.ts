import { describe, expect, it } from "vitest";
import { ThroughputHistory } from "./throughput-history";

const highs = (entries: Record<string, Record<number, string>>) =>
  new Map(
    Object.entries(entries).map(([topic, partitions]) => [
      topic,
      new Map(Object.entries(partitions).map(([p, h]) => [Number(p), h])),
    ]),
  );

describe("ThroughputHistory", () => {
  it("turns successive high watermarks into per-partition and total rates", () => {
    const history = new ThroughputHistory(10);
    history.record(0, highs({ orders: { 0: "0", 1: "10" } }));
    history.record(5_000, highs({ orders: { 0: "50", 1: "35" } }));
    expect(history.points("orders", 0)).toEqual([
      { at: 5_000, total: 15, partitions: { 0: 10, 1: 5 }, intervalMs: 5_000 },
    ]);
  });

  it("needs two samples before it has a rate", () => {
    const history = new ThroughputHistory(10);
    history.record(0, highs({ orders: { 0: "7" } }));
    expect(history.points("orders", 0)).toEqual([]);
  });

  it("restarts a partition whose watermark went backwards, keeping the others", () => {
    const history = new ThroughputHistory(10);
    history.record(0, highs({ orders: { 0: "100", 1: "100" } }));
    history.record(1_000, highs({ orders: { 0: "2", 1: "104" } }));
    history.record(2_000, highs({ orders: { 0: "5", 1: "104" } }));
    expect(history.points("orders", 0).map((point) => point.partitions)).toEqual([{ 1: 4 }, { 0: 3, 1: 0 }]);
  });

  it("keeps only the last `capacity` samples and the window asked for", () => {
    const history = new ThroughputHistory(3);
    for (let second = 0; second <= 5; second++) history.record(second * 1_000, highs({ t: { 0: String(second * 2) } }));
    expect(history.points("t", 0).map((point) => point.at)).toEqual([3_000, 4_000, 5_000]);
    expect(history.points("t", 4_500).map((point) => point.at)).toEqual([5_000]);
  });

  it("drops topics that disappear and leaves a leaderless partition's slot unknown", () => {
    const history = new ThroughputHistory(10);
    history.record(0, highs({ gone: { 0: "1" }, kept: { 0: "0", 1: "0" } }));
    history.record(1_000, highs({ kept: { 0: "4" } }));
    expect(history.topicNames()).toEqual(["kept"]);
    expect(history.points("kept", 0)).toEqual([{ at: 1_000, total: 4, partitions: { 0: 4 }, intervalMs: 1_000 }]);
  });

  it("spans a skipped sample (Kafka down) with the mean rate over the outage", () => {
    const history = new ThroughputHistory(10);
    history.record(0, highs({ t: { 0: "0" } }));
    history.record(20_000, highs({ t: { 0: "100" } }));
    expect(history.points("t", 0)).toEqual([{ at: 20_000, total: 5, partitions: { 0: 5 }, intervalMs: 20_000 }]);
  });
});
