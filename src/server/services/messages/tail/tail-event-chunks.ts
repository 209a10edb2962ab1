import type { TMessage } from "~/domain/messages/message";
import { encodeDataLine } from "./tail-chunk";
import { isWholeChunk, type TChunkPart } from "./tail-chunk-queue";
import { advanceTailCursor, type TTailCursor } from "./tail-cursor";

/**
 * The data lines of one subscriber's next event, and its cursor moved past them. An intact shared
 * chunk goes out as its shared bytes; only what this tab sees differently is encoded for it
 * alone: the preface (the last N, or the gap since a reconnect), a chunk trimmed because the tab
 * fell behind, and the first chunks that still hold records from before the tab's start.
 */
export function composeEventChunks(
  preface: readonly TMessage[],
  parts: readonly TChunkPart[],
  starts: ReadonlyMap<number, bigint> | null,
  cursor: TTailCursor,
): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  if (preface.length > 0) {
    chunks.push(encodeDataLine(preface));
    advanceTailCursor(cursor, preface);
  }
  for (const part of parts) {
    if (isWholeChunk(part) && !holdsEarlierRecords(part, starts)) {
      chunks.push(part.chunk.dataLine);
      for (const [partition, next] of part.chunk.nextOffsets) {
        if (next > (cursor.get(partition) ?? 0n)) cursor.set(partition, next);
      }
      continue;
    }
    const own = part.chunk.messages.slice(part.from, part.to).filter((message) => isAfterStart(message, starts));
    if (own.length === 0) continue;
    chunks.push(encodeDataLine(own));
    advanceTailCursor(cursor, own);
  }
  return chunks;
}

/** Whether a chunk reaches below where this tab's live part starts (the reader was ahead of it). */
function holdsEarlierRecords(part: TChunkPart, starts: ReadonlyMap<number, bigint> | null): boolean {
  if (!starts) return false;
  for (const [partition, first] of part.chunk.firstOffsets) {
    const start = starts.get(partition);
    if (start !== undefined && first < start) return true;
  }
  return false;
}

function isAfterStart(message: TMessage, starts: ReadonlyMap<number, bigint> | null): boolean {
  const start = starts?.get(message.partition);
  return start === undefined || BigInt(message.offset) >= start;
}
