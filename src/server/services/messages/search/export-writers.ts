import "server-only";
import { isUtf8 } from "node:buffer";
import type { TTopicValueCodec } from "~/domain/schemas/topic-value-codec";
import type { TFetchedRecord } from "~/server/kafka/messages/fetched-record";

/**
 * How exported records are written. Payloads are text when they are valid UTF-8 and base64
 * otherwise, and every payload says which (`*_encoding`), so nothing is lost or mangled. On a
 * topic with a value schema, values that decode with it are written as their JSON text with the
 * encoding "schema-json" (Avro and Protobuf bytes would otherwise be base64 nobody can read).
 */

export const EXPORT_FORMATS = ["jsonl", "csv"] as const;
export type TExportFormat = (typeof EXPORT_FORMATS)[number];

export type TPayloadEncoding = "utf8" | "base64" | "schema-json";
type TEncoded = { text: string | null; encoding: TPayloadEncoding | null };

export function encodePayload(bytes: Buffer | null): TEncoded {
  if (bytes === null) return { text: null, encoding: null };
  return isUtf8(bytes)
    ? { text: bytes.toString("utf8"), encoding: "utf8" }
    : { text: bytes.toString("base64"), encoding: "base64" };
}

function encodeValue(bytes: Buffer | null, codec: TTopicValueCodec | null): TEncoded {
  const json = bytes && codec ? codec.decode(bytes)?.json : undefined;
  return json === undefined ? encodePayload(bytes) : { text: json, encoding: "schema-json" };
}

/** One JSON object per line (JSON.stringify escapes control characters, so a value cannot break a line). */
export function toJsonLine(record: TFetchedRecord, codec: TTopicValueCodec | null = null): string {
  const key = encodePayload(record.key);
  const value = encodeValue(record.value, codec);
  return `${JSON.stringify({
    partition: record.partition,
    offset: record.offset.toString(),
    timestamp: record.timestamp,
    timestampType: record.timestampType,
    key: key.text,
    keyEncoding: key.encoding,
    value: value.text,
    valueEncoding: value.encoding,
    headers: record.headers.map((header) => {
      const encoded = encodePayload(header.value);
      return { key: header.key, value: encoded.text, encoding: encoded.encoding };
    }),
  })}\n`;
}

export const CSV_HEADER = "partition,offset,timestamp,timestamp_type,key,key_encoding,value,value_encoding,headers\r\n";

/** One RFC 4180 row (CRLF line ends); headers go in one cell as JSON. */
export function toCsvRow(record: TFetchedRecord, codec: TTopicValueCodec | null = null): string {
  const key = encodePayload(record.key);
  const value = encodeValue(record.value, codec);
  const headers = record.headers.map((header) => {
    const encoded = encodePayload(header.value);
    return { key: header.key, value: encoded.text, encoding: encoded.encoding };
  });
  const cells = [
    String(record.partition),
    record.offset.toString(),
    record.timestamp,
    record.timestampType,
    csvText(key.text),
    key.encoding ?? "",
    csvText(value.text),
    value.encoding ?? "",
    headers.length === 0 ? "" : csvText(JSON.stringify(headers)),
  ];
  return `${cells.join(",")}\r\n`;
}

/**
 * A cell of untrusted text. Spreadsheets run cells that start with = + - @ (or a tab or carriage
 * return) as formulas, so such cells get a leading apostrophe (OWASP's CSV injection advice); then
 * the cell is quoted when it holds a comma, quote or line break, with quotes doubled (RFC 4180).
 */
export function csvText(text: string | null): string {
  if (text === null) return "";
  const guarded = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}
