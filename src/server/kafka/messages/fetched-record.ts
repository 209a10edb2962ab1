import "server-only";
import type { TTimestampType } from "~/domain/messages/message";
import type { RawRecord } from "../internal-cluster";

/** A data record read from a partition, in our own shape: no kafkajs type leaves this folder. */
export type TFetchedRecord = {
  partition: number;
  offset: bigint;
  timestamp: string;
  timestampType: TTimestampType;
  key: Buffer | null;
  value: Buffer | null;
  headers: { key: string; value: Buffer | null }[];
};

/** kafkajs's TimestampTypes.LOG_APPEND_TIME. */
const LOG_APPEND_TIME = 1;

export function toFetchedRecord(partition: number, record: RawRecord): TFetchedRecord {
  return {
    partition,
    offset: BigInt(record.offset),
    timestamp: record.timestamp,
    timestampType: record.batchContext?.timestampType === LOG_APPEND_TIME ? "LogAppendTime" : "CreateTime",
    key: record.key,
    value: record.value,
    headers: Object.entries(record.headers ?? {}).flatMap(([key, value]) =>
      (Array.isArray(value) ? value : [value]).map((one) => ({ key, value: one })),
    ),
  };
}

/** The record's payload in bytes: key, value, and each header's key and value. */
export function recordSize(record: TFetchedRecord): number {
  let size = (record.key?.length ?? 0) + (record.value?.length ?? 0);
  for (const header of record.headers) size += Buffer.byteLength(header.key) + (header.value?.length ?? 0);
  return size;
}
