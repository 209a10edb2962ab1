import "server-only";
import type { TFetchedRecord } from "~/server/kafka/messages/fetched-record";

/**
 * Plain-text search: a case-insensitive substring of the key, the value, or a header's key or
 * value, read as UTF-8. An ASCII needle is tested on the bytes as latin1 — one byte per character,
 * and UTF-8's multi-byte sequences never contain ASCII bytes — which skips real UTF-8 decoding.
 */
export function createTextMatcher(needle: string): (record: TFetchedRecord) => boolean {
  const lower = needle.toLowerCase();
  const isAscii = /^[\x00-\x7f]*$/.test(lower);
  const hasLetters = /[a-z]/.test(lower);
  const needleBytes = Buffer.from(lower, "latin1");

  const inBytes = (bytes: Buffer | null): boolean => {
    if (bytes === null || bytes.length < needleBytes.length) return false;
    if (!isAscii) return bytes.toString("utf8").toLowerCase().includes(lower);
    if (!hasLetters) return bytes.includes(needleBytes);
    return bytes.toString("latin1").toLowerCase().includes(lower);
  };
  const inText = (text: string): boolean => text.toLowerCase().includes(lower);

  return (record) =>
    inBytes(record.value) ||
    inBytes(record.key) ||
    record.headers.some((header) => inText(header.key) || inBytes(header.value));
}
