import "server-only";
import type { TMessage, TPayload, TSchemaDecoded } from "~/domain/messages/message";
import type { TTopicValueCodec } from "~/domain/schemas/topic-value-codec";
import { recordSize, type TFetchedRecord } from "~/server/kafka/messages/fetched-record";

/**
 * How much of a key, value or header value a list carries. Enough for a readable preview of any
 * decoder; the whole payload (a record can be megabytes) is fetched only when a message is opened.
 */
export const LIST_PAYLOAD_BYTES = 16 * 1024;

/**
 * The DTO of a fetched record; payloads longer than `maxPayloadBytes` are cut and marked truncated.
 * With the topic's value codec the value also carries its schema-decoded JSON (decoded from the
 * whole value, then cut like the bytes).
 */
export function toMessage(
  record: TFetchedRecord,
  maxPayloadBytes: number = LIST_PAYLOAD_BYTES,
  codec: TTopicValueCodec | null = null,
): TMessage {
  const value = toPayload(record.value, maxPayloadBytes);
  const schema = value && codec && record.value ? schemaDecoded(codec, record.value, maxPayloadBytes) : null;
  return {
    partition: record.partition,
    offset: record.offset.toString(),
    timestamp: record.timestamp,
    timestampType: record.timestampType,
    key: toPayload(record.key, maxPayloadBytes),
    value: value && schema ? { ...value, schema } : value,
    headers: record.headers.map((header) => ({ key: header.key, value: toPayload(header.value, maxPayloadBytes) })),
    size: recordSize(record),
  };
}

export function toPayload(bytes: Buffer | null, maxBytes: number): TPayload | null {
  if (bytes === null) return null;
  const isTruncated = bytes.length > maxBytes;
  return {
    base64: (isTruncated ? bytes.subarray(0, maxBytes) : bytes).toString("base64"),
    size: bytes.length,
    isTruncated,
  };
}

function schemaDecoded(codec: TTopicValueCodec, bytes: Buffer, maxChars: number): TSchemaDecoded | null {
  const decoded = codec.decode(bytes);
  if (!decoded?.json || decoded.json.length <= maxChars) return decoded;
  return { ...decoded, json: decoded.json.slice(0, maxChars), isTruncated: true };
}
