import "server-only";
import type { InternalCluster } from "../internal-cluster";
import { kafkaErrorType } from "../kafka-errors";
import { fetchRecords, type TPartitionFetch } from "../messages/fetch-records";
import { readTopicMetadata } from "../topics/topic-metadata";
import { fetchWatermarks } from "../topics/watermarks";
import { decodeGroupMetadataRecord, offsetsPartitionFor } from "../protocol/group-metadata-record";

const OFFSETS_TOPIC = "__consumer_offsets";
/** Records read per step when looking back from the end for the group's latest metadata record. */
const LOOK_BACK_STEP = 5_000n;
/** A busy partition holds many other groups' commits: give up looking back after this many records. */
const LOOK_BACK_BUDGET = 200_000n;
/** Reading forward stops after this many rounds; the next call goes on from there. */
const MAX_FORWARD_ROUNDS = 20;
const BYTES_PER_ROUND = 1024 * 1024;

/** Where a group's generation was last read in `__consumer_offsets`, to read only what is new next time. */
export type TGenerationCursor = {
  nextOffset: bigint;
  /** null: no metadata record of the group was found (yet), or the group was deleted. */
  generation: number | null;
};

/**
 * The group's current generation (classic groups) or group epoch (KIP-848 groups), read from the
 * coordinator's own log — DescribeGroups does not report it. The first call looks back from the
 * end of the group's `__consumer_offsets` partition; later calls read only the records written
 * since. Nothing joins a group: the reads are plain Fetch requests (see fetch-records.ts).
 */
export async function followGroupGeneration(
  cluster: InternalCluster,
  groupId: string,
  cursor: TGenerationCursor | null,
): Promise<TGenerationCursor> {
  const { topic } = await readTopicMetadata(cluster, OFFSETS_TOPIC);
  const partition = offsetsPartitionFor(groupId, topic.partitionMetadata.length);
  const leader = topic.partitionMetadata.find((candidate) => candidate.partitionId === partition)?.leader ?? -1;
  if (leader < 0) return cursor ?? { nextOffset: 0n, generation: null };
  const read = (fromOffset: bigint) =>
    fetchRecords(cluster, OFFSETS_TOPIC, [{ partition, leader, fromOffset }], {
      maxWaitMs: 0,
      maxBytesPerPartition: BYTES_PER_ROUND,
    }).then(([fetched]) => fetched);
  try {
    if (cursor) return await readForward(read, groupId, cursor);
  } catch (error) {
    // Compaction or retention removed the offset we stopped at: look back from the end again.
    if (kafkaErrorType(error) !== "OFFSET_OUT_OF_RANGE" && !isOutOfRange(error)) throw error;
  }
  const partitionOnly = {
    ...topic,
    partitionMetadata: topic.partitionMetadata.filter((p) => p.partitionId === partition),
  };
  const marks = (await fetchWatermarks(cluster, [partitionOnly])).get(OFFSETS_TOPIC)?.get(partition);
  if (!marks) return { nextOffset: 0n, generation: null };
  return lookBack(read, groupId, BigInt(marks.low), BigInt(marks.high));
}

type TRead = (fromOffset: bigint) => Promise<TPartitionFetch | undefined>;

async function readForward(read: TRead, groupId: string, cursor: TGenerationCursor): Promise<TGenerationCursor> {
  let { nextOffset, generation } = cursor;
  for (let round = 0; round < MAX_FORWARD_ROUNDS; round += 1) {
    const fetched = await read(nextOffset);
    if (!fetched) break;
    const latest = latestGeneration(fetched, groupId);
    if (latest !== undefined) generation = latest;
    const caughtUp = fetched.nextOffset === nextOffset || fetched.nextOffset >= fetched.highWatermark;
    nextOffset = fetched.nextOffset;
    if (caughtUp) break;
  }
  return { nextOffset, generation };
}

/** Steps back from the end until a window holds one of the group's metadata records. */
async function lookBack(read: TRead, groupId: string, low: bigint, high: bigint): Promise<TGenerationCursor> {
  let windowEnd = high;
  while (windowEnd > low && high - windowEnd < LOOK_BACK_BUDGET) {
    const windowStart = windowEnd - LOOK_BACK_STEP > low ? windowEnd - LOOK_BACK_STEP : low;
    let found: number | null | undefined;
    let offset = windowStart;
    while (offset < windowEnd) {
      const fetched = await read(offset);
      if (!fetched || fetched.nextOffset === offset) break;
      const latest = latestGeneration(fetched, groupId, windowEnd);
      if (latest !== undefined) found = latest;
      offset = fetched.nextOffset;
    }
    if (found !== undefined) return { nextOffset: high, generation: found };
    windowEnd = windowStart;
  }
  return { nextOffset: high, generation: null };
}

/** The last generation the fetched records set for the group (null: deleted), undefined when none did. */
function latestGeneration(fetched: TPartitionFetch, groupId: string, before?: bigint): number | null | undefined {
  let latest: number | null | undefined;
  for (const record of fetched.records) {
    if (before !== undefined && record.offset >= before) break;
    const decoded = decodeGroupMetadataRecord(record.key, record.value);
    if (decoded?.groupId === groupId) latest = decoded.generation;
  }
  return latest;
}

function isOutOfRange(error: unknown): boolean {
  return error instanceof Error && "cause" in error && kafkaErrorType(error.cause) === "OFFSET_OUT_OF_RANGE";
}
