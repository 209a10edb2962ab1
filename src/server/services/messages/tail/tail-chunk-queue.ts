import type { TailChunk } from "./tail-chunk";

/** Messages `from` (inclusive) to `to` (exclusive) of a chunk; the whole chunk in the common case. */
export type TChunkPart = { chunk: TailChunk; from: number; to: number };

/** True when a part is its chunk entire, so its shared JSON can be sent as it is. */
export function isWholeChunk(part: TChunkPart): boolean {
  return part.from === 0 && part.to === part.chunk.size;
}

/**
 * One subscriber's backlog of shared chunks. A slow tab must not slow the shared reader nor make
 * the server hold an unbounded backlog, so past `capacity` messages the oldest are dropped — and
 * counted, so that the subscriber is told how many it missed: every message is either sent or
 * counted in `skipped`. Dropping cuts into the oldest chunk only as far as needed; such a trimmed
 * chunk is then this tab's own, while the chunks after it stay shared.
 */
export class TailChunkQueue {
  private parts: TChunkPart[] = [];
  private count = 0;
  private skipped = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError("capacity must be a positive integer");
  }

  /** Messages waiting. */
  get size(): number {
    return this.count;
  }

  /** True when there is something to tell the subscriber: messages or a count of dropped ones. */
  get hasNews(): boolean {
    return this.count > 0 || this.skipped > 0;
  }

  push(chunk: TailChunk): void {
    if (chunk.size === 0) return;
    this.parts.push({ chunk, from: 0, to: chunk.size });
    this.count += chunk.size;
    while (this.count > this.capacity) {
      const oldest = this.parts[0]!;
      const dropped = Math.min(oldest.to - oldest.from, this.count - this.capacity);
      oldest.from += dropped;
      if (oldest.from === oldest.to) this.parts.shift();
      this.count -= dropped;
      this.skipped += dropped;
    }
  }

  /**
   * Takes the oldest whole chunks up to `max` messages (a chunk larger than `max` is split), and
   * the count dropped since the last drain.
   */
  drain(max: number = Number.POSITIVE_INFINITY): { parts: TChunkPart[]; skipped: number } {
    const parts: TChunkPart[] = [];
    let taken = 0;
    while (this.parts.length > 0 && taken < max) {
      const oldest = this.parts[0]!;
      const length = oldest.to - oldest.from;
      if (taken + length <= max) {
        parts.push(this.parts.shift()!);
        taken += length;
        continue;
      }
      // Whole chunks only, unless nothing was taken yet: then as much of the oldest as fits.
      if (taken > 0) break;
      parts.push({ chunk: oldest.chunk, from: oldest.from, to: oldest.from + max });
      oldest.from += max;
      taken += max;
    }
    this.count -= taken;
    const skipped = this.skipped;
    this.skipped = 0;
    return { parts, skipped };
  }
}
