import "server-only";
import type { TFetchedRecord } from "~/server/kafka/messages/fetched-record";

/**
 * Records for a JSONata worker, packed into one ArrayBuffer so that a batch of hundreds crosses
 * to the worker as a single transfer instead of a structured clone per record. The layout is read
 * by jsonata-worker.mjs (`decodeRecords`); change both together. Per record, big-endian:
 * int32 partition, float64 timestamp (ms), then byte strings (int32 length, -1 for null) for the
 * offset (decimal text), key and value, then int32 header count and each header's key and value.
 */
export function encodeRecords(records: readonly TFetchedRecord[]): ArrayBuffer {
  const offsets = records.map((record) => Buffer.from(record.offset.toString(), "latin1"));
  const headerKeys = records.map((record) => record.headers.map((header) => Buffer.from(header.key, "utf8")));
  let size = 0;
  records.forEach((record, index) => {
    size += 12 + 4 + offsets[index]!.length + 4 + (record.key?.length ?? 0) + 4 + (record.value?.length ?? 0) + 4;
    record.headers.forEach((header, at) => {
      size += 8 + headerKeys[index]![at]!.length + (header.value?.length ?? 0);
    });
  });
  const buffer = new ArrayBuffer(size);
  const view = new DataView(buffer);
  const bytes = new Uint8Array(buffer);
  let at = 0;
  const writeBytes = (payload: Uint8Array | null) => {
    view.setInt32(at, payload === null ? -1 : payload.length);
    at += 4;
    if (payload !== null) {
      bytes.set(payload, at);
      at += payload.length;
    }
  };
  records.forEach((record, index) => {
    view.setInt32(at, record.partition);
    view.setFloat64(at + 4, Number(record.timestamp));
    at += 12;
    writeBytes(offsets[index]!);
    writeBytes(record.key);
    writeBytes(record.value);
    view.setInt32(at, record.headers.length);
    at += 4;
    record.headers.forEach((header, headerIndex) => {
      writeBytes(headerKeys[index]![headerIndex]!);
      writeBytes(header.value);
    });
  });
  return buffer;
}

/** Bytes a record adds to a batch, to keep batches near a size that transfers cheaply. */
export function recordWeight(record: TFetchedRecord): number {
  let weight = 64 + (record.key?.length ?? 0) + (record.value?.length ?? 0);
  for (const header of record.headers) weight += 8 + header.key.length + (header.value?.length ?? 0);
  return weight;
}
