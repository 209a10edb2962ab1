import "server-only";
import type { TOutRecord } from "./step-member-types";

/**
 * Kafka refuses a record batch larger than the topic's max.message.bytes (1 MiB by default) with
 * MESSAGE_TOO_LARGE, and kafkajs puts all of one request's records for a partition into a single
 * batch. A member's fetch brings up to 1 MiB per input partition, and several partitions' results
 * are written together, so the records of one write are sent in requests of at most this many
 * bytes, one after another (order per partition kept; still one commit or one transaction).
 */
export const SEND_CHUNK_BYTES = 512 * 1024;

/** Kafka's per-record framing (lengths, varints, attributes) beyond key, value and headers; an upper estimate. */
const RECORD_OVERHEAD_BYTES = 32;

function sizeOf(value: string | Buffer | null): number {
  if (value === null) return 0;
  return typeof value === "string" ? Buffer.byteLength(value) : value.length;
}

export function recordBytes(record: TOutRecord): number {
  let bytes = RECORD_OVERHEAD_BYTES + sizeOf(record.key) + sizeOf(record.value);
  for (const name in record.headers) bytes += Buffer.byteLength(name) + Buffer.byteLength(record.headers[name]!) + 4;
  return bytes;
}

/** Consecutive runs of `records`, each within `maxBytes` (a single larger record goes alone: Kafka judges it). */
export function sendChunks(records: readonly TOutRecord[], maxBytes = SEND_CHUNK_BYTES): TOutRecord[][] {
  const chunks: TOutRecord[][] = [];
  let current: TOutRecord[] = [];
  let bytes = 0;
  for (const record of records) {
    const size = recordBytes(record);
    if (current.length > 0 && bytes + size > maxBytes) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(record);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
