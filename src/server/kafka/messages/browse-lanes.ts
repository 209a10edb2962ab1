import "server-only";
import { mergeLanes, type TDirection, type TLane } from "~/domain/messages/browse-merge";
import type { InternalCluster } from "../internal-cluster";
import { fetchRecords } from "./fetch-records";
import type { TFetchedRecord } from "./fetched-record";

/** One partition to read for a page, from `bound` in the page's direction. */
export type TBrowseLaneSpec = { partition: number; leader: number; bound: bigint; low: bigint; high: bigint };

type TRecordLane = TLane<TFetchedRecord> & {
  leader: number;
  low: bigint;
  /** Forward: the next offset to read. Backward: the exclusive end of what is still unread. */
  position: bigint;
  /** Backward: how many offsets the next window reaches down; doubles so sparse logs converge. */
  step: bigint;
};

/**
 * Enough per partition for a page of small records in one round, without asking a broker for
 * megabytes a page will not show. A single record larger than this still arrives whole (KIP-74).
 */
function bytesPerPartition(limit: number, lanes: number): number {
  const wanted = Math.max(64 * 1024, limit * 512);
  return Math.min(1024 * 1024, Math.max(32 * 1024, Math.floor((8 * 1024 * 1024) / lanes)), wanted);
}

/** Reads the `limit` records of a page across partitions (see browse-merge.ts for the order). */
export async function readBrowseLanes(
  cluster: InternalCluster,
  topic: string,
  specs: readonly TBrowseLaneSpec[],
  direction: TDirection,
  limit: number,
): Promise<TFetchedRecord[]> {
  const maxBytesPerPartition = bytesPerPartition(limit, specs.length);
  const lanes: TRecordLane[] = specs.map((spec) => ({
    partition: spec.partition,
    leader: spec.leader,
    low: spec.low,
    items: [],
    position: spec.bound,
    step: BigInt(limit),
    isDone: direction === "after" ? spec.bound >= spec.high : spec.bound <= spec.low,
  }));
  const refill = direction === "after" ? readForward : readBackward;
  return mergeLanes(lanes, direction, limit, (dry) =>
    refill(cluster, topic, dry as TRecordLane[], maxBytesPerPartition),
  );
}

async function readForward(cluster: InternalCluster, topic: string, lanes: TRecordLane[], maxBytes: number) {
  const reads = lanes.map((lane) => ({ partition: lane.partition, leader: lane.leader, fromOffset: lane.position }));
  const results = await fetchRecords(cluster, topic, reads, { maxWaitMs: 0, maxBytesPerPartition: maxBytes });
  for (const lane of lanes) {
    const result = results.find((candidate) => candidate.partition === lane.partition);
    // No progress means nothing more to read now (or an empty answer); stop rather than spin.
    if (!result || result.nextOffset <= lane.position) {
      lane.isDone = true;
      continue;
    }
    lane.items.push(...result.records);
    lane.position = result.nextOffset;
    lane.isDone = result.nextOffset >= result.highWatermark;
  }
}

/**
 * Kafka reads only forward, so a backward step reads the window [end − step, end) forward (in as
 * many rounds as its bytes need) and hands its records over newest first.
 */
async function readBackward(cluster: InternalCluster, topic: string, lanes: TRecordLane[], maxBytes: number) {
  const windows = lanes.map((lane) => {
    const from = lane.position - lane.step > lane.low ? lane.position - lane.step : lane.low;
    return { lane, from, end: lane.position, next: from, records: [] as TFetchedRecord[] };
  });
  let open = windows.filter((window) => window.next < window.end);
  while (open.length > 0) {
    const reads = open.map((window) => ({
      partition: window.lane.partition,
      leader: window.lane.leader,
      fromOffset: window.next,
    }));
    const results = await fetchRecords(cluster, topic, reads, { maxWaitMs: 0, maxBytesPerPartition: maxBytes });
    for (const window of open) {
      const result = results.find((candidate) => candidate.partition === window.lane.partition);
      if (!result || result.nextOffset <= window.next) {
        window.next = window.end;
        continue;
      }
      window.records.push(...result.records.filter((record) => record.offset < window.end));
      window.next = result.nextOffset;
    }
    open = open.filter((window) => window.next < window.end);
  }
  for (const window of windows) {
    window.lane.items.push(...window.records.reverse());
    window.lane.position = window.from;
    window.lane.step *= 2n;
    window.lane.isDone = window.from <= window.lane.low;
  }
}
