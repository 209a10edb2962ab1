import "server-only";
import { setImmediate as nextMacrotask } from "node:timers/promises";
import type { TSearchEvent, TSearchPartitionProgress, TSearchQuery } from "~/domain/messages/search-query";
import type { TTopicValueCodec } from "~/domain/schemas/topic-value-codec";
import { withMetadata, type ClusterTarget } from "~/server/kafka/client-registry";
import { fetchRecords, type TPartitionFetch } from "~/server/kafka/messages/fetch-records";
import type { TFetchedRecord } from "~/server/kafka/messages/fetched-record";
import { createRecordFilter } from "./record-predicate";
import { withDecodedValue } from "./schema-view";
import { adaptiveChunk, judgeChunk } from "./search-chunk";
import { planSearch, type TPartitionPlan } from "./search-plan";
import { describeStop, type TStopReason } from "./search-sentence";

/** At most two progress events a second. */
const PROGRESS_INTERVAL_MS = 500;
/** Evaluation yields to the event loop this often, so that an abort lands within milliseconds. */
const YIELD_INTERVAL_MS = 20;
/**
 * Large rounds amortise each Fetch, but a round over many partitions must not hold hundreds of
 * megabytes: each partition gets a share of 16 MB, between 256 KB and 4 MB.
 */
const ROUND_BYTES = 16 * 1024 * 1024;
const bytesPerPartition = (partitions: number) =>
  Math.min(4 * 1024 * 1024, Math.max(256 * 1024, Math.floor(ROUND_BYTES / Math.max(1, partitions))));

type TScanState = {
  plans: TPartitionPlan[];
  /** How far each partition has been scanned (what progress shows). */
  positions: Map<number, bigint>;
  /** Where each partition's next Fetch starts: ahead of `positions` while a round is evaluated. */
  fetchPositions: Map<number, bigint>;
  scannedBy: Map<number, number>;
  scanned: number;
  matches: number;
  pending: TFetchedRecord[];
};

/**
 * Scans a topic for records matching the query, oldest first in each partition, all chosen
 * partitions in parallel, and yields events with the matches found since the last one. Reads are
 * group-less (`fetchRecords`); the next round is requested before the current one is evaluated.
 * With the topic's value codec, the filter judges values decoded with the schema (schema-view.ts).
 */
export async function* scanTopic(
  target: ClusterTarget,
  topic: string,
  query: TSearchQuery,
  signal: AbortSignal,
  codec: TTopicValueCodec | null = null,
): AsyncGenerator<TSearchEvent<TFetchedRecord>> {
  const startedAt = Date.now();
  const filter = createRecordFilter(query.kind, query.query);
  const isInRange = (record: TFetchedRecord) => inTimeRange(record, query);
  const chunk = adaptiveChunk();
  // Ends the workers' part of this scan: on cancel, at the time budget, and when the scan stops.
  const evaluation = new AbortController();
  const onAbort = () => evaluation.abort();
  signal.addEventListener("abort", onAbort, { once: true });
  const deadline = setTimeout(onAbort, query.maxSeconds * 1000);
  try {
    yield* scan();
  } finally {
    clearTimeout(deadline);
    signal.removeEventListener("abort", onAbort);
    evaluation.abort();
  }

  async function* scan(): AsyncGenerator<TSearchEvent<TFetchedRecord>> {
    const plan = await withMetadata(target, (cluster) => planSearch(cluster, topic, query));
    const state: TScanState = {
      plans: plan.partitions,
      positions: new Map(plan.partitions.map((partition) => [partition.partition, partition.start])),
      fetchPositions: new Map(plan.partitions.map((partition) => [partition.partition, partition.start])),
      scannedBy: new Map(plan.partitions.map((partition) => [partition.partition, 0])),
      scanned: 0,
      matches: 0,
      pending: [],
    };
    const progress = () => ({
      partitions: partitionProgress(state),
      scanned: state.scanned,
      matches: state.matches,
      elapsedMs: Date.now() - startedAt,
    });
    const takeMatches = () => state.pending.splice(0, state.pending.length);

    const fetchRound = (reads: TPartitionPlan[]) => {
      const round = withMetadata(target, (cluster) =>
        fetchRecords(
          cluster,
          topic,
          reads.map((read) => ({
            partition: read.partition,
            leader: read.leader,
            fromOffset: state.fetchPositions.get(read.partition)!,
          })),
          { maxWaitMs: 0, maxBytesPerPartition: bytesPerPartition(reads.length), signal },
        ),
      );
      // A round started ahead may never be awaited when the scan stops; its failure is then moot.
      round.catch(() => undefined);
      return round;
    };
    const unfinished = () => state.plans.filter((one) => state.fetchPositions.get(one.partition)! < one.end);

    let stop: TStopReason | null = null;
    let lastEmit = Date.now();
    let lastYield = Date.now();
    let inflight: Promise<TPartitionFetch[]> | null = unfinished().length > 0 ? fetchRound(unfinished()) : null;

    while (inflight && !stop) {
      const results = await untilAborted(inflight, signal);
      if (!results) {
        stop = { type: "cancelled" };
        break;
      }
      // Fetch positions move to where this round ends, so the next round can be requested right away.
      let stalled: TStopReason | null = null;
      for (const result of results) {
        const plan = state.plans.find((one) => one.partition === result.partition)!;
        const from = state.fetchPositions.get(result.partition)!;
        if (result.nextOffset <= from && from < plan.end)
          stalled = { type: "stalled", partition: result.partition, offset: from };
        state.fetchPositions.set(result.partition, result.nextOffset < plan.end ? result.nextOffset : plan.end);
      }
      const next = unfinished();
      inflight = !stalled && next.length > 0 ? fetchRound(next) : null;

      for (const result of results) {
        if (stop) break;
        const plan = state.plans.find((one) => one.partition === result.partition)!;
        const records = result.records;
        let end = records.findIndex((record) => record.offset >= plan.end);
        if (end < 0) end = records.length;
        let index = 0;
        let scannedHere = 0;
        while (index < end && !stop) {
          if (state.scanned >= query.maxMessages) stop = { type: "budget", maxMessages: query.maxMessages };
          else {
            if (Date.now() - lastYield > YIELD_INTERVAL_MS) {
              await nextMacrotask();
              lastYield = Date.now();
            }
            if (signal.aborted) stop = { type: "cancelled" };
            else if (Date.now() - startedAt > query.maxSeconds * 1000)
              stop = { type: "time", maxSeconds: query.maxSeconds };
            else if (Date.now() - lastEmit >= PROGRESS_INTERVAL_MS) {
              // A slow filter can spend seconds on one round; progress goes on meanwhile.
              state.positions.set(result.partition, records[index]!.offset);
              state.scannedBy.set(result.partition, state.scannedBy.get(result.partition)! + scannedHere);
              scannedHere = 0;
              lastEmit = Date.now();
              yield { type: "progress", newMatches: takeMatches(), ...progress() };
              if (signal.aborted) stop = { type: "cancelled" };
            }
          }
          if (stop) {
            // The rest of this round was not scanned.
            state.positions.set(result.partition, records[index]!.offset);
            break;
          }
          const count = Math.min(chunk.size, end - index, query.maxMessages - state.scanned);
          const chunkStarted = Date.now();
          const run = records.slice(index, index + count);
          const viewed = codec ? run.map((record) => withDecodedValue(record, codec)) : run;
          const judging = judgeChunk(filter, viewed, isInRange, evaluation.signal);
          const verdict = judging instanceof Promise ? await judging : judging;
          chunk.adapt(Date.now() - chunkStarted);
          for (let one = 0; one < verdict.judged && !stop; one += 1) {
            state.scanned += 1;
            scannedHere += 1;
            if (!verdict.matches[one]) continue;
            const record = records[index + one]!;
            state.matches += 1;
            state.pending.push(record);
            if (state.matches >= query.maxResults) {
              stop = { type: "cap", maxResults: query.maxResults };
              state.positions.set(result.partition, record.offset + 1n);
            }
          }
          if (!stop && verdict.judged < count) {
            const record = records[index + verdict.judged]!;
            if (verdict.stopped) {
              state.scanned += 1;
              scannedHere += 1;
              stop = verdict.stopped;
            } else stop = signal.aborted ? { type: "cancelled" } : { type: "time", maxSeconds: query.maxSeconds };
            state.positions.set(result.partition, record.offset);
          }
          index += count;
        }
        state.scannedBy.set(result.partition, state.scannedBy.get(result.partition)! + scannedHere);
        if (!stop) state.positions.set(result.partition, state.fetchPositions.get(result.partition)!);
      }
      if (stop) inflight = null;
      stop ??= stalled;

      if (!stop && Date.now() - lastEmit >= PROGRESS_INTERVAL_MS) {
        lastEmit = Date.now();
        yield { type: "progress", newMatches: takeMatches(), ...progress() };
      }
    }

    const figures = { ...progress(), offline: plan.offline };
    const reason = stop ?? { type: "complete" };
    yield {
      type: "done",
      newMatches: takeMatches(),
      status: reason.type === "complete" && plan.offline.length === 0 ? "complete" : "partial",
      sentence: describeStop(reason, figures),
      ...progress(),
    };
  }
}

function inTimeRange(record: TFetchedRecord, query: TSearchQuery): boolean {
  if (query.from?.type !== "time" && query.to?.type !== "time") return true;
  const ms = Number(record.timestamp);
  if (query.from?.type === "time" && ms < query.from.ms) return false;
  if (query.to?.type === "time" && ms > query.to.ms) return false;
  return true;
}

function partitionProgress(state: TScanState): TSearchPartitionProgress[] {
  return state.plans.map((plan) => ({
    partition: plan.partition,
    start: plan.start.toString(),
    end: plan.end.toString(),
    position: state.positions.get(plan.partition)!.toString(),
    scanned: state.scannedBy.get(plan.partition)!,
  }));
}

/** The round's result, or null as soon as the signal aborts (the request itself is left to finish). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T | null> {
  if (signal.aborted) return Promise.resolve(null);
  return new Promise<T | null>((resolve, reject) => {
    const onAbort = () => resolve(null);
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
