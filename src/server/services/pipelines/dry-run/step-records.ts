import "server-only";
import { parsePayloadText } from "~/domain/jsonata/record-values.mjs";
import type { TStepRecord } from "~/domain/pipelines/step-types";
import type { TTopicValueCodec } from "~/domain/schemas/topic-value-codec";
import type { TFetchedRecord } from "~/server/kafka/messages/fetched-record";

const utf8 = new TextDecoder("utf-8");

/**
 * A record read from Kafka as a step sees it, decoded as the message browser decodes it: with the
 * topic's Avro or Protobuf schema when it has one (the decoded JSON), else the value's text,
 * parsed when it is JSON. Keys and header values are text; a tombstone's value is null.
 */
export function toStepRecord(topic: string, record: TFetchedRecord, codec: TTopicValueCodec | null): TStepRecord {
  return {
    key: record.key === null ? null : utf8.decode(record.key),
    value: decodeStepValue(record.value, codec),
    timestamp: Number(record.timestamp),
    headers: Object.fromEntries(
      record.headers.map((header) => [header.key, header.value ? utf8.decode(header.value) : ""]),
    ),
    topic,
    partition: record.partition,
    offset: record.offset.toString(),
  };
}

/** A value's bytes as a step sees them (the runtime decodes its input records with this too). */
export function decodeStepValue(bytes: Uint8Array | null, codec: TTopicValueCodec | null): unknown {
  if (bytes === null) return null;
  const decoded = codec?.decode(bytes);
  if (decoded?.json !== undefined) return JSON.parse(decoded.json) as unknown;
  return parsePayloadText(utf8.decode(bytes));
}

/** Records typed in the dry-run panel: one partition, offsets 0, 1, 2…, a millisecond apart (windows need time to pass). */
export function typedStepRecords(
  topic: string,
  records: readonly { key: string | null; value: string }[],
  now: number,
): TStepRecord[] {
  return records.map((record, index) => ({
    key: record.key,
    value: parsePayloadText(record.value),
    timestamp: now + index,
    headers: {},
    topic,
    partition: 0,
    offset: String(index),
  }));
}
