/**
 * One input partition of one step member: decodes each batch, runs the step over it record by
 * record in offset order, then flushes it at the highest timestamp seen on the partition (event
 * time, so windows close the same whatever the batch boundaries), and returns every record to
 * write — outputs, dead letters and the state's changelog entries — for the member to write and
 * commit together.
 */
import type { TStep, TStepEmit, TStepRecord } from "~/domain/pipelines/step-types";
import type { TTopicValueCodec } from "~/domain/schemas/topic-value-codec";
import type { TInRecord, TOutRecord, TPartitionProcessor } from "~/server/kafka/runtime/step-member-types";
import type { TChangelogStore } from "./changelog-store";
import { deadLetterRecord, outputRecord, toStepRecord, type TRecordOrigin } from "./record-codec";
import { sentenceOf } from "./sentence-of";

/** What one member has done, over all its partitions (reported in the heartbeat). */
export type TMemberCounts = {
  consumed: number;
  produced: number;
  deadLettered: number;
  portCounts: Record<string, number>;
};

export type TPartitionContext = {
  inputTopic: string;
  /** The input topic's value codec (its definition's schema), looked up per batch: cached, and a new version shows. */
  inputCodec: () => Promise<TTopicValueCodec | null>;
  outputTopics: Record<string, string>;
  deadLetterTopic: string | null;
  /** Read per batch: a redeploy that leaves the step unchanged updates the revision it stamps. */
  origin: () => TRecordOrigin;
  counts: TMemberCounts;
  /** A sentence for the log: a dead letter dropped (no dead-letter topic), a flush that failed. */
  onProblem: (sentence: string) => void;
};

/** A step that throws without a message. */
const ON_RECORD = "The step failed on this record.";

/** The longest error sentence carried in a header (a reason quoting a huge value stays readable). */
const MAX_REASON_LENGTH = 1_000;

type TFailed = { record: TStepRecord; input: TInRecord | null; reason: string };

export function partitionProcessor(
  context: TPartitionContext,
  step: TStep,
  store: TChangelogStore | null,
): TPartitionProcessor {
  let streamTime = Number.NEGATIVE_INFINITY;
  let closed = false;

  return {
    async process(batch) {
      if (closed) return [];
      const codec = await context.inputCodec();
      const origin = context.origin();
      const out: TOutRecord[] = [];
      const route = (emits: readonly TStepEmit[], input: TInRecord | null) => {
        for (const emit of emits) {
          if ("reason" in emit) deadLetter({ record: emit.record, input, reason: emit.reason });
          else written(emit.port, emit.record);
        }
      };
      const written = (port: string, record: TStepRecord) => {
        const topic = context.outputTopics[port];
        // A port with no edge (a route's unused branch) writes nowhere, as in the dry run.
        if (topic === undefined) return;
        out.push(outputRecord(topic, record, origin));
        context.counts.produced++;
        context.counts.portCounts[port] = (context.counts.portCounts[port] ?? 0) + 1;
      };
      const deadLetter = (failed: TFailed) => {
        context.counts.deadLettered++;
        const reason = failed.reason.slice(0, MAX_REASON_LENGTH);
        if (context.deadLetterTopic === null)
          context.onProblem(`A record was dropped (the pipeline has no dead-letter topic): ${reason}`);
        else out.push(deadLetterRecord(context.deadLetterTopic, { ...failed, reason }, origin));
      };

      for (const input of batch) {
        context.counts.consumed++;
        if (input.timestamp > streamTime) streamTime = input.timestamp;
        let record: TStepRecord;
        try {
          record = toStepRecord(context.inputTopic, input, codec);
        } catch (error) {
          const raw = toStepRecord(context.inputTopic, input, null);
          deadLetter({ record: raw, input, reason: `The value could not be decoded: ${sentenceOf(error)}` });
          continue;
        }
        try {
          const emits = step.process(record);
          // Most steps answer synchronously: awaiting only real promises saves a microtask per record.
          route(emits instanceof Promise ? await emits : emits, input);
        } catch (error) {
          deadLetter({ record, input, reason: sentenceOf(error, ON_RECORD) });
        }
      }
      if (step.flush && batch.length > 0) {
        try {
          const emits = step.flush(streamTime);
          route(emits instanceof Promise ? await emits : emits, null);
        } catch (error) {
          // A flush has no record of its own to dead-letter; the next batch flushes again.
          context.onProblem(`Closing windows failed: ${sentenceOf(error)}`);
        }
      }
      if (store) out.push(...store.takeChanges());
      return out;
    },
    close() {
      closed = true;
    },
  };
}
