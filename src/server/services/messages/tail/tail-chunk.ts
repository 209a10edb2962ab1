import type { TMessage } from "~/domain/messages/message";

/**
 * A run of tailed messages cut once by the shared reader and handed to every subscriber that chose
 * the same partitions. Its JSON is made on first use and then reused, so twenty tabs cost one
 * serialization per batch instead of twenty (tRPC then copies a string per stream rather than
 * walking every message with superjson).
 */
export class TailChunk {
  private serialized: string | null = null;
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

  /** The messages as one JSON array (oldest first), serialized once. */
  get json(): string {
    return (this.serialized ??= serializeMessages(this.messages));
  }
}

/** Cuts messages into chunks of at most `max`, so that no event grows past the batch limit. */
export function cutTailChunks(messages: readonly TMessage[], max: number): TailChunk[] {
  const chunks: TailChunk[] = [];
  for (let start = 0; start < messages.length; start += max)
    chunks.push(new TailChunk(messages.slice(start, start + max)));
  return chunks;
}

/** The one encoding of a message list on the wire; the tail view reverses it with `JSON.parse`. */
export function serializeMessages(messages: readonly TMessage[]): string {
  return JSON.stringify(messages);
}
