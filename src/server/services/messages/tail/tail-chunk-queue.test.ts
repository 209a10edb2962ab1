import { describe, expect, it } from "vitest";
import { testMessage } from "~/domain/messages/message.test-support";
import { TailChunk } from "./tail-chunk";
import { isWholeChunk, TailChunkQueue, type TChunkPart } from "./tail-chunk-queue";

/** A chunk of messages on partition 0 at these offsets. */
function chunkOf(...offsets: number[]): TailChunk {
  return new TailChunk(offsets.map((offset) => testMessage({ offset: String(offset) })));
}

function offsetsOf(parts: TChunkPart[]): number[] {
  return parts.flatMap((part) =>
    part.chunk.messages.slice(part.from, part.to).map((message) => Number(message.offset)),
  );
}

describe("TailChunkQueue", () => {
  it("hands out chunks whole and in arrival order, then empties", () => {
    const queue = new TailChunkQueue(10);
    const first = chunkOf(1, 2);
    queue.push(first);
    queue.push(chunkOf(3));
    const { parts, skipped } = queue.drain();
    expect(offsetsOf(parts)).toEqual([1, 2, 3]);
    expect(parts[0]!.chunk).toBe(first);
    expect(parts.every(isWholeChunk)).toBe(true);
    expect(skipped).toBe(0);
    expect(queue.hasNews).toBe(false);
    expect(queue.drain()).toEqual({ parts: [], skipped: 0 });
  });

  it("drops the oldest messages past its capacity and counts them, once", () => {
    const queue = new TailChunkQueue(3);
    queue.push(chunkOf(1, 2, 3, 4));
    queue.push(chunkOf(5));
    expect(queue.size).toBe(3);
    const { parts, skipped } = queue.drain();
    expect(offsetsOf(parts)).toEqual([3, 4, 5]);
    expect(skipped).toBe(2);
    expect(queue.drain()).toEqual({ parts: [], skipped: 0 });
  });

  it("trims only the oldest chunk when it drops, so the chunks after it stay whole", () => {
    const queue = new TailChunkQueue(4);
    queue.push(chunkOf(1, 2, 3));
    queue.push(chunkOf(4, 5));
    const { parts, skipped } = queue.drain();
    expect(skipped).toBe(1);
    expect(parts.map(isWholeChunk)).toEqual([false, true]);
    expect(offsetsOf(parts)).toEqual([2, 3, 4, 5]);
  });

  it("accounts for every message: sent plus skipped equals pushed", () => {
    const queue = new TailChunkQueue(50);
    let sent = 0;
    let skipped = 0;
    for (let round = 0; round < 200; round += 1) {
      queue.push(chunkOf(...Array.from({ length: 37 }, (_, index) => round * 37 + index)));
      if (round % 3 === 0) {
        const batch = queue.drain(20);
        sent += offsetsOf(batch.parts).length;
        skipped += batch.skipped;
      }
    }
    const rest = queue.drain();
    expect(sent + offsetsOf(rest.parts).length + skipped + rest.skipped).toBe(200 * 37);
  });

  it("limits a drain to whole chunks within the count, splitting only a first chunk larger than it", () => {
    const queue = new TailChunkQueue(100);
    queue.push(chunkOf(1, 2));
    queue.push(chunkOf(3, 4));
    expect(offsetsOf(queue.drain(3).parts)).toEqual([1, 2]);
    expect(offsetsOf(queue.drain(1).parts)).toEqual([3]);
    expect(offsetsOf(queue.drain().parts)).toEqual([4]);
  });

  it("tells that something was dropped even when nothing is left to send", () => {
    const queue = new TailChunkQueue(1);
    queue.push(chunkOf(1, 2));
    queue.drain();
    queue.push(chunkOf(3, 4));
    expect(queue.drain(0)).toEqual({ parts: [], skipped: 1 });
    expect(queue.hasNews).toBe(true);
  });
});
