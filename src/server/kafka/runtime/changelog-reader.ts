import "server-only";
import { AppError } from "~/lib/app-error";
import { withMetadata, type ClusterTarget } from "../client-registry";
import { EARLIEST_TIMESTAMP, LATEST_TIMESTAMP, READ_COMMITTED, type InternalBroker } from "../internal-cluster";
import { fetchRecords } from "../messages/fetch-records";
import { readTopicMetadata } from "../topics/topic-metadata";
import type { TChangelogEntry } from "./step-member-types";

/**
 * Restoring a step's state: one changelog partition read from its start to its end as it is at the
 * call, group-less, through the same Fetch path as browsing (messages/fetch-records.ts). Read
 * committed, so the state matches the offsets committed with it in the same transactions.
 */

/**
 * Bytes asked per round. The changelog partition is read alone, so a large share costs nothing;
 * 8 MiB moves ~100k small state entries in a handful of round trips.
 */
const BYTES_PER_ROUND = 8 * 1024 * 1024;

export async function readChangelog(
  cluster: ClusterTarget,
  topic: string,
  partition: number,
  signal?: AbortSignal,
): Promise<TChangelogEntry[]> {
  return withMetadata(cluster, async (internal) => {
    const { topic: metadata } = await readTopicMetadata(internal, topic);
    const leader = metadata.partitionMetadata.find((candidate) => candidate.partitionId === partition)?.leader ?? -1;
    if (leader < 0) {
      throw new AppError(
        "KAFKA_UNREACHABLE",
        `Partition ${partition} of ${topic} has no leader, so the step's state cannot be restored.`,
        "Start the brokers that hold its replicas; the step restores its state once the partition is back.",
      );
    }
    const broker = await internal.findBroker({ nodeId: leader });
    // The last stable offset: everything before it is decided (committed or aborted).
    const end = await committedOffset(broker, topic, partition, LATEST_TIMESTAMP);
    let position = await committedOffset(broker, topic, partition, EARLIEST_TIMESTAMP);

    const latest = new Map<string, string | null>();
    while (position < end && !signal?.aborted) {
      const [fetched] = await fetchRecords(internal, topic, [{ partition, leader, fromOffset: position }], {
        maxWaitMs: 0,
        maxBytesPerPartition: BYTES_PER_ROUND,
        readCommitted: true,
        signal,
      });
      if (!fetched || fetched.nextOffset <= position) break;
      for (const record of fetched.records) {
        if (record.offset >= end || record.key === null) continue;
        // Map insertion order is irrelevant here; a later value simply replaces an earlier one.
        latest.set(record.key.toString("utf8"), record.value === null ? null : record.value.toString("utf8"));
      }
      position = fetched.nextOffset;
    }

    // Part of a state is worse than none: a cancelled restore must not be mistaken for a finished one.
    if (signal?.aborted) {
      throw new AppError(
        "TIMEOUT",
        `Restoring the state of partition ${partition} from ${topic} was cancelled.`,
        "The step restores it again when it next gets the partition.",
      );
    }
    const entries: TChangelogEntry[] = [];
    for (const [key, value] of latest) if (value !== null) entries.push({ key, value });
    return entries;
  });
}

async function committedOffset(
  broker: InternalBroker,
  topic: string,
  partition: number,
  timestamp: string,
): Promise<bigint> {
  const response = await broker.listOffsets({
    isolationLevel: READ_COMMITTED,
    topics: [{ topic, partitions: [{ partition, timestamp }] }],
  });
  const offset = response.responses[0]?.partitions[0]?.offset;
  return offset === undefined ? 0n : BigInt(offset);
}
