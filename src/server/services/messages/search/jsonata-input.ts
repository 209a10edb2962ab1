import "server-only";
import type { TJsonataInput } from "~/domain/jsonata/evaluate";
import { parsePayloadText } from "~/domain/jsonata/record-values.mjs";
import type { TFetchedRecord } from "~/server/kafka/messages/fetched-record";

/**
 * What a JSONata filter sees of a record: `{key, value, headers, partition, offset, timestamp}`.
 * Key and value are the parsed JSON when they parse, else the UTF-8 text (null stays null);
 * headers are an object of strings (the last wins when a key repeats); offset is a string because
 * offsets are int64; timestamp is milliseconds. Fields are computed on first use and kept — a
 * filter on headers or partition never pays for JSON.parse — and a class keeps that cheap per record.
 */
class RecordInput implements TJsonataInput {
  private key: unknown = UNSET;
  private value: unknown = UNSET;
  private headers: unknown = UNSET;

  constructor(private readonly record: TFetchedRecord) {}

  field(name: string): unknown {
    switch (name) {
      case "value":
        if (this.value === UNSET) this.value = decodePayload(this.record.value);
        return this.value;
      case "key":
        if (this.key === UNSET) this.key = decodePayload(this.record.key);
        return this.key;
      case "headers":
        if (this.headers === UNSET) this.headers = headerObject(this.record);
        return this.headers;
      case "partition":
        return this.record.partition;
      case "offset":
        return this.record.offset.toString();
      case "timestamp":
        return Number(this.record.timestamp);
      default:
        return undefined;
    }
  }

  toObject(): Record<string, unknown> {
    return Object.fromEntries(FIELDS.map((name) => [name, this.field(name)]));
  }
}

const UNSET = Symbol("unset");
const FIELDS = ["key", "value", "headers", "partition", "offset", "timestamp"] as const;

export function toJsonataInput(record: TFetchedRecord): TJsonataInput {
  return new RecordInput(record);
}

function headerObject(record: TFetchedRecord): Record<string, string | null> {
  // A null-prototype object: a header named __proto__ is just a header.
  const headers = Object.create(null) as Record<string, string | null>;
  for (const header of record.headers) headers[header.key] = header.value?.toString("utf8") ?? null;
  return headers;
}

export function decodePayload(bytes: Buffer | null): unknown {
  return bytes === null ? null : parsePayloadText(bytes.toString("utf8"));
}
