import "server-only";
import {
  HEADER_ERROR,
  HEADER_PREFIX,
  HEADER_REPLAYED_FROM,
  HEADER_REVISION,
  HEADER_SOURCE_OFFSET,
  HEADER_SOURCE_PARTITION,
  HEADER_SOURCE_TOPIC,
  HEADER_STEP,
} from "~/domain/pipelines/runtime/naming";
import type { TDeadLetterRecord } from "~/domain/pipelines/runtime/runtime-dto";
import type { TFetchedRecord } from "~/server/kafka/messages/fetched-record";

/** How much of a key, value or error a list carries (payloads are untrusted and can be megabytes). */
export const DEAD_LETTER_TEXT_CHARS = 16 * 1024;

/** The last value of a header, as text; null when absent. */
export function headerText(record: TFetchedRecord, name: string): string | null {
  const found = record.headers.findLast((header) => header.key === name);
  return found ? (found.value?.toString("utf8") ?? "") : null;
}

/** Bytes as text, cut at DEAD_LETTER_TEXT_CHARS with an ellipsis; the client renders it as text, never as HTML. */
function asText(bytes: Buffer | null): string | null {
  if (bytes === null) return null;
  const text = bytes.subarray(0, DEAD_LETTER_TEXT_CHARS * 4).toString("utf8");
  return text.length > DEAD_LETTER_TEXT_CHARS ? `${text.slice(0, DEAD_LETTER_TEXT_CHARS)}…` : text;
}

const isCount = (text: string | null): text is string => text !== null && /^\d{1,18}$/.test(text);

/**
 * A record of the dead-letter topic with the runner's headers read: the step that gave up on it,
 * its revision, the sentence why, and where the record was read. Headers a runner did not write (a
 * record produced by hand) leave their fields null rather than failing the list.
 */
export function toDeadLetterRecord(record: TFetchedRecord): TDeadLetterRecord {
  const revision = headerText(record, HEADER_REVISION);
  const sourceTopic = headerText(record, HEADER_SOURCE_TOPIC);
  const sourcePartition = headerText(record, HEADER_SOURCE_PARTITION);
  const sourceOffset = headerText(record, HEADER_SOURCE_OFFSET);
  const error = headerText(record, HEADER_ERROR);
  return {
    partition: record.partition,
    offset: record.offset.toString(),
    timestamp: new Date(Number(record.timestamp)),
    key: asText(record.key),
    value: asText(record.value),
    error: error === null ? null : (asText(Buffer.from(error, "utf8")) ?? null),
    step: headerText(record, HEADER_STEP),
    revision: isCount(revision) ? Number(revision) : null,
    source:
      sourceTopic !== null && isCount(sourcePartition) && isCount(sourceOffset)
        ? { topic: sourceTopic, partition: Number(sourcePartition), offset: sourceOffset }
        : null,
  };
}

/** The headers a replayed record carries: the original ones without the runtime's, and where it came from. */
export function replayHeaders(record: TFetchedRecord): { key: string; value: Buffer | null }[] {
  return [
    ...record.headers.filter((header) => !header.key.startsWith(HEADER_PREFIX)),
    { key: HEADER_REPLAYED_FROM, value: Buffer.from(`${record.partition}:${record.offset}`, "utf8") },
  ];
}
