import "server-only";
import type { InternalCluster } from "../internal-cluster";
import { fetchRecords } from "./fetch-records";
import type { TFetchedRecord } from "./fetched-record";

/** Records of one partition in [from, to), read from its leader. */
export type TTailRange = { partition: number; leader: number; from: bigint; to: bigint };

/**
 * The records just before a tail's live start: the gap since a stream reconnected, or the "last N"
 * asked for first. Bounded to `maxPerPartition` newest offsets per partition; what lies before
 * that is returned as a count (offsets, so compaction gaps and transaction markers count too).
 */
export async function readTailRange(
  cluster: InternalCluster,
  topic: string,
  ranges: readonly TTailRange[],
  maxPerPartition: number,
): Promise<{ records: TFetchedRecord[]; cutOffsets: bigint }> {
  let cutOffsets = 0n;
  const positions = new Map<number, TTailRange>();
  for (const range of ranges) {
    const from = range.to - range.from > BigInt(maxPerPartition) ? range.to - BigInt(maxPerPartition) : range.from;
    cutOffsets += from - range.from;
    if (from < range.to) positions.set(range.partition, { ...range, from });
  }
  const records: TFetchedRecord[] = [];
  // Each round moves every open partition forward by at least one batch; the cap is a safety net.
  for (let round = 0; round < 1_000 && positions.size > 0; round += 1) {
    const reads = [...positions.values()].map((range) => ({
      partition: range.partition,
      leader: range.leader,
      fromOffset: range.from,
    }));
    const fetched = await fetchRecords(cluster, topic, reads, { maxWaitMs: 0, maxBytesPerPartition: 256 * 1024 });
    for (const result of fetched) {
      const range = positions.get(result.partition);
      if (!range) continue;
      records.push(...result.records.filter((record) => record.offset < range.to));
      if (result.nextOffset >= range.to || result.nextOffset <= range.from) positions.delete(result.partition);
      else positions.set(result.partition, { ...range, from: result.nextOffset });
    }
  }
  return { records, cutOffsets };
}
