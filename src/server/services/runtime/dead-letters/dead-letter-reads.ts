import "server-only";
import type { InternalCluster } from "~/server/kafka/internal-cluster";
import { fetchRecords } from "~/server/kafka/messages/fetch-records";
import type { TFetchedRecord } from "~/server/kafka/messages/fetched-record";
import { readPartitionStates, type TPartitionState } from "~/server/kafka/messages/partition-states";
import { readTailRange, type TTailRange } from "~/server/kafka/messages/tail-range";

/**
 * Group-less reads of a dead-letter topic (plain Fetch requests to the leaders, like the message
 * browser): nothing joins a group or commits. Offline partitions are skipped.
 */

/** At most this many offsets per partition are read back for a list; a step's records further back are not listed. */
const MAX_SCAN_PER_PARTITION = 50_000n;

const readable = (states: readonly TPartitionState[]) =>
  states.flatMap((state) =>
    state.leader === null || state.low >= state.high ? [] : [{ ...state, leader: state.leader }],
  );

/**
 * The newest `limit` records that `keep` accepts, newest first. Each partition is read backwards in
 * growing windows until it has `limit` of them (so none of the newest overall is missed), reaches its
 * start, or MAX_SCAN_PER_PARTITION offsets were read.
 */
export async function readNewest(
  cluster: InternalCluster,
  topic: string,
  limit: number,
  keep: (record: TFetchedRecord) => boolean,
): Promise<TFetchedRecord[]> {
  const found: TFetchedRecord[] = [];
  const open = new Map(
    readable(await readPartitionStates(cluster, topic)).map((state) => [
      state.partition,
      { state, upper: state.high, window: BigInt(limit), kept: 0 },
    ]),
  );
  while (open.size > 0) {
    const ranges: TTailRange[] = [...open.values()].map(({ state, upper, window }) => ({
      partition: state.partition,
      leader: state.leader,
      from: upper - window > state.low ? upper - window : state.low,
      to: upper,
    }));
    const widest = ranges.reduce((most, range) => (range.to - range.from > most ? range.to - range.from : most), 0n);
    const { records } = await readTailRange(cluster, topic, ranges, Number(widest));
    for (const record of records.filter(keep)) {
      found.push(record);
      const progress = open.get(record.partition);
      if (progress) progress.kept += 1;
    }
    for (const range of ranges) {
      const progress = open.get(range.partition)!;
      const scanned = progress.state.high - range.from;
      if (progress.kept >= limit || range.from <= progress.state.low || scanned >= MAX_SCAN_PER_PARTITION) {
        open.delete(range.partition);
      } else {
        progress.upper = range.from;
        progress.window *= 2n;
      }
    }
  }
  return found
    .sort(
      (a, b) =>
        Number(BigInt(b.timestamp) - BigInt(a.timestamp)) || b.partition - a.partition || Number(b.offset - a.offset),
    )
    .slice(0, limit);
}

/**
 * Reads the whole topic forward (or, with `wanted`, only the offsets asked for: reads jump to the
 * next wanted offset), handing each round's records to `visit`. For replays, which must see every
 * record of a step however many there are, without holding the topic in memory.
 */
export async function scanForward(
  cluster: InternalCluster,
  topic: string,
  visit: (records: TFetchedRecord[]) => void,
  wanted?: ReadonlyMap<number, readonly bigint[]>,
): Promise<void> {
  const open = new Map<number, TTailRange>();
  for (const state of readable(await readPartitionStates(cluster, topic))) {
    const offsets = wanted ? wanted.get(state.partition) : undefined;
    if (wanted && !offsets?.length) continue;
    const from = offsets ? nextWanted(offsets, state.low) : state.low;
    if (from !== null && from < state.high) open.set(state.partition, { ...state, from, to: state.high });
  }
  while (open.size > 0) {
    const reads = [...open.values()].map((range) => ({ ...range, fromOffset: range.from }));
    const fetched = await fetchRecords(cluster, topic, reads, { maxWaitMs: 0, maxBytesPerPartition: 256 * 1024 });
    const answered = new Set<number>();
    for (const result of fetched) {
      const range = open.get(result.partition);
      if (!range) continue;
      answered.add(result.partition);
      visit(result.records.filter((record) => record.offset >= range.from && record.offset < range.to));
      const offsets = wanted?.get(result.partition);
      const next = offsets ? nextWanted(offsets, result.nextOffset) : result.nextOffset;
      // No progress (nothing more to read), or nothing wanted further on: this partition is done.
      if (next === null || next >= range.to || result.nextOffset <= range.from) open.delete(result.partition);
      else open.set(result.partition, { ...range, from: next });
    }
    for (const partition of open.keys()) if (!answered.has(partition)) open.delete(partition);
  }
}

/** The smallest wanted offset at or after `from` (offsets sorted ascending); null when none is left. */
function nextWanted(offsets: readonly bigint[], from: bigint): bigint | null {
  return offsets.find((offset) => offset >= from) ?? null;
}
