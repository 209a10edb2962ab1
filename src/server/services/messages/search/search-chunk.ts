import "server-only";
import type { TFetchedRecord } from "~/server/kafka/messages/fetched-record";
import { jsonataPool } from "../../expressions/jsonata-pool";
import { recordWeight } from "../../expressions/record-batch";
import { stopReasonOf } from "./batch-failure";
import type { TRecordFilter } from "./record-predicate";
import type { TStopReason } from "./search-sentence";

/** A batch for one worker: big enough to amortise a postMessage, small enough to spread over workers. */
const BATCH_RECORDS = 512;
const BATCH_BYTES = 1024 * 1024;

/**
 * The verdicts on a run of records: `matches[i]` for the first `judged` records. When the filter
 * was stopped on a record, `stopped` names it; when judging was cut short (cancel, time budget),
 * `judged` is simply less than the run's length.
 */
export type TChunkVerdict = { matches: boolean[]; judged: number; stopped: TStopReason | null };

/**
 * Judges records in order: on the main thread where the filter can (synchronously, no promise),
 * the rest in batches spread over the worker pool, evaluated in parallel.
 */
export function judgeChunk(
  filter: TRecordFilter,
  records: readonly TFetchedRecord[],
  isInRange: (record: TFetchedRecord) => boolean,
  signal: AbortSignal,
): TChunkVerdict | Promise<TChunkVerdict> {
  const matches: boolean[] = new Array<boolean>(records.length);
  const pending: number[] = [];
  for (let index = 0; index < records.length; index += 1) {
    const record = records[index]!;
    if (!isInRange(record)) {
      matches[index] = false;
      continue;
    }
    const answer = filter.quick(record);
    if (answer === null) pending.push(index);
    else matches[index] = answer;
  }
  if (pending.length === 0 || !filter.worker) return { matches, judged: records.length, stopped: null };
  const worker = filter.worker;

  const batches: number[][] = [];
  let batch: number[] = [];
  let weight = 0;
  for (const index of pending) {
    batch.push(index);
    weight += recordWeight(records[index]!);
    if (batch.length >= BATCH_RECORDS || weight >= BATCH_BYTES) {
      batches.push(batch);
      batch = [];
      weight = 0;
    }
  }
  if (batch.length > 0) batches.push(batch);

  const pool = jsonataPool();
  const outcomes = batches.map((indexes) =>
    pool.evaluate(
      worker,
      indexes.map((index) => records[index]!),
      signal,
    ),
  );
  return Promise.all(outcomes).then((results) => {
    for (let at = 0; at < batches.length; at += 1) {
      const indexes = batches[at]!;
      const outcome = results[at]!;
      for (let one = 0; one < outcome.evaluated; one += 1) matches[indexes[one]!] = outcome.matches[one] === 1;
      if (outcome.evaluated < indexes.length) {
        // Everything before this record is judged (earlier batches completely); nothing after counts.
        const index = indexes[outcome.evaluated]!;
        const stopped = outcome.failure ? stopReasonOf(outcome.failure, records[index]!, worker.budget) : null;
        return { matches, judged: index, stopped };
      }
    }
    return { matches, judged: records.length, stopped: null };
  });
}

/**
 * How many records to judge between two looks at the clock (cancel, time budget, progress): many
 * for a fast filter, so that batches stay large, few for a slow one, so that progress keeps coming.
 */
export function adaptiveChunk(): { size: number; adapt(elapsedMs: number): void } {
  const chunk = {
    size: 256,
    adapt(elapsedMs: number) {
      if (elapsedMs < 50) chunk.size = Math.min(4096, chunk.size * 2);
      else if (elapsedMs > 250) chunk.size = Math.max(8, Math.floor(chunk.size / 2));
    },
  };
  return chunk;
}
