import "server-only";
import type { TSourceRecords } from "~/domain/pipelines/engine/run-document";
import type { TDryRunResult } from "~/domain/pipelines/pipeline-dto";
import type { TDryRunSource } from "~/domain/pipelines/pipeline-requests";
import type { TStepRecord } from "~/domain/pipelines/step-types";
import { AppError } from "~/lib/app-error";
import { withMetadata, type ClusterTarget } from "~/server/kafka/client-registry";
import type { TFetchedRecord } from "~/server/kafka/messages/fetched-record";
import { readPartitionStates } from "~/server/kafka/messages/partition-states";
import { readTailRange } from "~/server/kafka/messages/tail-range";
import { lookupTopicSchema } from "../../messages/schemas/topic-schema";
import { toStepRecord, typedStepRecords } from "./step-records";

/** An offset range holds at most this many records (the "latest" choice is capped by its request schema). */
export const MAX_RANGE_RECORDS = 5_000;

export type TSample = { sources: TSourceRecords; inputs: TDryRunResult["inputs"] };

/**
 * The records a run starts from, read without a consumer group (plain Fetch requests to the
 * leaders, as the message browser reads): the newest of each source topic, one partition's offset
 * range, or records typed by the user. Offsets in `inputs` are the first and last read (inclusive).
 */
export async function readSample(
  cluster: ClusterTarget & { id: string },
  sourceTopics: readonly string[],
  source: TDryRunSource,
): Promise<TSample> {
  if (source.type === "typed") {
    const records = typedStepRecords(source.topic, source.records, Date.now());
    return {
      sources: [{ topic: source.topic, records }],
      inputs: [{ topic: source.topic, records: records.length, fromOffsets: null, toOffsets: null }],
    };
  }
  if (source.type === "range") {
    if (!sourceTopics.includes(source.topic)) {
      throw new AppError(
        "BAD_INPUT",
        `${source.topic} is not a topic this pipeline reads first.`,
        `Choose one of its source topics: ${sourceTopics.join(", ") || "(none: connect a topic to a step first)"}.`,
      );
    }
    const records = await readRange(
      cluster,
      source.topic,
      source.partition,
      BigInt(source.fromOffset),
      BigInt(source.toOffset),
    );
    return { sources: [{ topic: source.topic, records }], inputs: [inputOf(source.topic, records)] };
  }
  const sources = await Promise.all(
    sourceTopics.map(async (topic) => ({ topic, records: await readLatest(cluster, topic, source.perTopic) })),
  );
  return { sources, inputs: sources.map(({ topic, records }) => inputOf(topic, records)) };
}

/** The newest `count` records of a topic over all its partitions, oldest first (as they happened). */
async function readLatest(
  cluster: ClusterTarget & { id: string },
  topic: string,
  count: number,
): Promise<TStepRecord[]> {
  const { codec } = await lookupTopicSchema(cluster.id, topic);
  const fetched = await withMetadata(cluster, async (internal) => {
    const states = await readPartitionStates(internal, topic);
    const ranges = states.flatMap((state) =>
      state.leader === null || state.high === state.low
        ? []
        : [{ partition: state.partition, leader: state.leader, from: state.low, to: state.high }],
    );
    // Each partition's newest `count` hold the topic's newest `count`, whichever partitions they are on.
    return (await readTailRange(internal, topic, ranges, count)).records;
  });
  const newest = [...fetched].sort(byTime).slice(-count);
  return newest.map((record) => toStepRecord(topic, record, codec));
}

async function readRange(
  cluster: ClusterTarget & { id: string },
  topic: string,
  partition: number,
  fromOffset: bigint,
  toOffset: bigint,
): Promise<TStepRecord[]> {
  if (toOffset < fromOffset) {
    throw new AppError("BAD_INPUT", "The range ends before it starts.", "Enter a last offset at or after the first.");
  }
  if (toOffset - fromOffset + 1n > BigInt(MAX_RANGE_RECORDS)) {
    throw new AppError(
      "BAD_INPUT",
      `A dry run reads at most ${MAX_RANGE_RECORDS.toLocaleString("en-US")} offsets; ${fromOffset}–${toOffset} spans ${(toOffset - fromOffset + 1n).toLocaleString("en-US")}.`,
      "Choose a shorter range.",
    );
  }
  const { codec } = await lookupTopicSchema(cluster.id, topic);
  const fetched = await withMetadata(cluster, async (internal) => {
    const states = await readPartitionStates(internal, topic);
    const state = states.find((candidate) => candidate.partition === partition);
    if (!state) {
      throw new AppError(
        "BAD_INPUT",
        `${topic} has no partition ${partition}.`,
        `Its partitions are 0 to ${states.length - 1}.`,
      );
    }
    if (state.leader === null) {
      throw new AppError(
        "KAFKA_UNREACHABLE",
        `Partition ${partition} of ${topic} has no leader now, so it cannot be read.`,
      );
    }
    const from = fromOffset < state.low ? state.low : fromOffset;
    const to = toOffset + 1n > state.high ? state.high : toOffset + 1n;
    if (from >= to) return [];
    const range = { partition, leader: state.leader, from, to };
    return (await readTailRange(internal, topic, [range], MAX_RANGE_RECORDS)).records;
  });
  return fetched.map((record) => toStepRecord(topic, record, codec));
}

function byTime(a: TFetchedRecord, b: TFetchedRecord): number {
  const delta = Number(a.timestamp) - Number(b.timestamp);
  if (delta !== 0) return delta;
  if (a.partition !== b.partition) return a.partition - b.partition;
  return a.offset < b.offset ? -1 : a.offset > b.offset ? 1 : 0;
}

function inputOf(topic: string, records: readonly TStepRecord[]): TDryRunResult["inputs"][number] {
  const fromOffsets: Record<number, string> = {};
  const toOffsets: Record<number, string> = {};
  for (const record of records) {
    const offset = BigInt(record.offset);
    const first = fromOffsets[record.partition];
    const last = toOffsets[record.partition];
    if (first === undefined || offset < BigInt(first)) fromOffsets[record.partition] = record.offset;
    if (last === undefined || offset > BigInt(last)) toOffsets[record.partition] = record.offset;
  }
  return { topic, records: records.length, fromOffsets, toOffsets };
}
