import type { TMessage } from "~/domain/messages/message";

/**
 * A run of tailed messages cut once by the shared reader and handed to every subscriber that chose
 * the same partitions. Its bytes on the wire (one SSE data line) are made on first use and then
 * written as they are to every tab's stream, so twenty tabs cost one serialization and one
 * encoding per batch instead of twenty.
 */
export class TailChunk {
  private encoded: Uint8Array | null = null;
  /** Per partition, the lowest offset in the chunk. */
  readonly firstOffsets: ReadonlyMap<number, bigint>;
  /** Per partition, the offset after the highest one in the chunk: where a cursor moves to. */
  readonly nextOffsets: ReadonlyMap<number, bigint>;

  constructor(readonly messages: readonly TMessage[]) {
    const first = new Map<number, bigint>();
    const next = new Map<number, bigint>();
    for (const message of messages) {
      const offset = BigInt(message.offset);
      const low = first.get(message.partition);
      if (low === undefined || offset < low) first.set(message.partition, offset);
      if (offset + 1n > (next.get(message.partition) ?? 0n)) next.set(message.partition, offset + 1n);
    }
    this.firstOffsets = first;
    this.nextOffsets = next;
  }

  get size(): number {
    return this.messages.length;
  }

  /** The messages as one SSE data line (a JSON array, oldest first), encoded once. */
  get dataLine(): Uint8Array {
    return (this.encoded ??= encodeDataLine(this.messages));
  }
}

/** Cuts messages into chunks of at most `max`, so that no event grows past the batch limit. */
export function cutTailChunks(messages: readonly TMessage[], max: number): TailChunk[] {
  const chunks: TailChunk[] = [];
  for (let start = 0; start < messages.length; start += max)
    chunks.push(new TailChunk(messages.slice(start, start + max)));
  return chunks;
}

const encoder = new TextEncoder();

/**
 * The one encoding of a message list on the wire: `data: <JSON array>\n`. The tail view reverses
 * it with `decodeTailEvent`.
 */
export function encodeDataLine(messages: readonly TMessage[]): Uint8Array {
  return encoder.encode(`data: ${JSON.stringify(messages)}\n`);
}
