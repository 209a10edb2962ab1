import "server-only";
import { partitionForKey } from "~/domain/partitioner/murmur2";
import { HEADER_SOURCE_PARTITION, HEADER_SOURCE_TOPIC, HEADER_STEP } from "~/domain/pipelines/runtime/naming";
import { AppError } from "~/lib/app-error";
import type { ClusterTarget } from "~/server/kafka/client-registry";
import type { TFetchedRecord } from "~/server/kafka/messages/fetched-record";
import { partitionCountOf, producePlaced, type TPlacedRecord } from "~/server/kafka/messages/produce-placed";
import { headerText, replayHeaders } from "./dead-letter-record";

/** Records per produce request of a replay. */
const REPLAY_BATCH = 500;
/** A replay holds its records in memory until they are produced: more than this is refused. */
export const MAX_REPLAY = 100_000;

/** Keeps the dead-lettered records of one step; refuses a replay too large to hold. */
export function collectStepRecords(nodeId: string) {
  const records: TFetchedRecord[] = [];
  return {
    records,
    visit(batch: readonly TFetchedRecord[]) {
      for (const record of batch) {
        if (headerText(record, HEADER_STEP) !== nodeId) continue;
        if (records.length >= MAX_REPLAY) {
          throw new AppError(
            "BAD_INPUT",
            `Step ${nodeId} has more than ${MAX_REPLAY.toLocaleString("en")} dead-lettered records; a replay takes at most that many.`,
            "Pick the records to replay in the dead-letter list, a part at a time.",
          );
        }
        records.push(record);
      }
    },
  };
}

/**
 * Produces the records into the step's input topic, each with its original key, value and headers
 * (minus the runtime's) and tributary-replayed-from. A record goes back to the partition it was read
 * from when that was this topic (so it is ordered with its key as before), else to its key's partition.
 */
export async function produceReplays(
  target: ClusterTarget,
  inputTopic: string,
  records: readonly TFetchedRecord[],
): Promise<number> {
  const partitionCount = await partitionCountOf(target, inputTopic);
  let next = 0;
  const placed = records.map((record): TPlacedRecord => {
    const source = headerText(record, HEADER_SOURCE_TOPIC) === inputTopic ? sourcePartition(record) : null;
    const byKey = record.key === null ? null : partitionForKey(record.key, partitionCount);
    const partition = source !== null && source < partitionCount ? source : (byKey ?? next++ % partitionCount);
    return { partition, key: record.key, value: record.value, headers: replayHeaders(record) };
  });
  for (let index = 0; index < placed.length; index += REPLAY_BATCH) {
    await producePlaced(target, inputTopic, placed.slice(index, index + REPLAY_BATCH));
  }
  return placed.length;
}

function sourcePartition(record: TFetchedRecord): number | null {
  const text = headerText(record, HEADER_SOURCE_PARTITION);
  return text !== null && /^\d{1,9}$/.test(text) ? Number(text) : null;
}
