/**
 * Records between Kafka's bytes and the steps' decoded form: input records are decoded as the dry
 * run decodes them (the topic's Avro/Protobuf schema when it has one, else JSON or text), and what
 * a step emits is written as JSON with headers naming the pipeline, revision and step that made it.
 */
import {
  HEADER_ERROR,
  HEADER_PIPELINE,
  HEADER_REVISION,
  HEADER_SOURCE_OFFSET,
  HEADER_SOURCE_PARTITION,
  HEADER_SOURCE_TOPIC,
  HEADER_STEP,
} from "~/domain/pipelines/runtime/naming";
import type { TStepRecord } from "~/domain/pipelines/step-types";
import type { TTopicValueCodec } from "~/domain/schemas/topic-value-codec";
import type { TInRecord, TOutRecord } from "~/server/kafka/runtime/step-member-types";
import { decodeStepValue } from "~/server/services/pipelines/dry-run/step-records";

const utf8 = new TextDecoder("utf-8");

/** Who made a record: stamped on every output and dead letter. */
export type TRecordOrigin = { pipelineId: string; revision: number; nodeId: string };

export function toStepRecord(topic: string, record: TInRecord, codec: TTopicValueCodec | null): TStepRecord {
  return {
    key: record.key === null ? null : utf8.decode(record.key),
    value: decodeStepValue(record.value, codec),
    timestamp: record.timestamp,
    headers: record.headers,
    topic,
    partition: record.partition,
    offset: record.offset,
  };
}

function originHeaders(origin: TRecordOrigin): Record<string, string> {
  return {
    [HEADER_PIPELINE]: origin.pipelineId,
    [HEADER_REVISION]: String(origin.revision),
    [HEADER_STEP]: origin.nodeId,
  };
}

/**
 * A decoded value as bytes again. Text that was not JSON goes out as the same text (a JSON string
 * would gain quotes a reader did not write); everything else is JSON; null stays a tombstone.
 */
export function encodeStepValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/** A step's output: the record's key and the input's headers, plus the origin headers. */
export function outputRecord(topic: string, record: TStepRecord, origin: TRecordOrigin): TOutRecord {
  return {
    topic,
    key: record.key,
    value: encodeStepValue(record.value),
    headers: { ...record.headers, ...originHeaders(origin) },
  };
}

/**
 * A record a step could not handle, for the dead-letter topic: the original key and value bytes
 * when the input record is at hand (so a replay after a fix reads exactly what the step read),
 * with the sentence and the source position in headers.
 */
export function deadLetterRecord(
  topic: string,
  failed: { record: TStepRecord; input: TInRecord | null; reason: string },
  origin: TRecordOrigin,
): TOutRecord {
  const { record, input, reason } = failed;
  return {
    topic,
    key: input?.key ? utf8.decode(input.key) : record.key,
    value: input ? input.value : encodeStepValue(record.value),
    headers: {
      ...(input?.headers ?? record.headers),
      ...originHeaders(origin),
      [HEADER_ERROR]: reason,
      [HEADER_SOURCE_TOPIC]: record.topic,
      [HEADER_SOURCE_PARTITION]: String(record.partition),
      [HEADER_SOURCE_OFFSET]: record.offset,
    },
  };
}
