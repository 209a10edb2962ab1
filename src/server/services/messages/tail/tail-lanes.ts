import type { TMessage } from "~/domain/messages/message";
import { cutTailChunks } from "./tail-chunk";
import type { TailChunkQueue } from "./tail-chunk-queue";

export type TTailSubscriber = {
  queue: TailChunkQueue;
  /** Called on new messages and status changes. */
  notify: () => void;
};

/** Subscribers who chose the same partitions, and the messages they will share in the next cut. */
type Lane = {
  /** null: every partition, including ones added while tailing. */
  partitions: ReadonlySet<number> | null;
  subscribers: Set<TTailSubscriber>;
  pending: TMessage[];
};

/**
 * The fan-out of one topic's reader: subscribers are grouped by the partitions they chose, each
 * group collects what the reader reads, and a cut turns it into chunks that every subscriber of
 * the group receives — the same objects, so their JSON is made once per cut, not once per tab.
 */
export class TailLanes {
  private lanes = new Map<string, Lane>();

  get subscriberCount(): number {
    let count = 0;
    for (const lane of this.lanes.values()) count += lane.subscribers.size;
    return count;
  }

  /** True when a cut would deliver something. */
  get hasPending(): boolean {
    for (const lane of this.lanes.values()) if (lane.pending.length > 0) return true;
    return false;
  }

  join(partitions: readonly number[] | null, subscriber: TTailSubscriber): void {
    const key = partitions ? [...new Set(partitions)].sort((a, b) => a - b).join(",") : "*";
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = { partitions: partitions ? new Set(partitions) : null, subscribers: new Set(), pending: [] };
      this.lanes.set(key, lane);
    }
    lane.subscribers.add(subscriber);
  }

  leave(subscriber: TTailSubscriber): void {
    for (const [key, lane] of this.lanes) {
      if (lane.subscribers.delete(subscriber) && lane.subscribers.size === 0) this.lanes.delete(key);
    }
  }

  /** Messages the reader read (converted once), collected per lane until the next cut. */
  offer(messages: readonly TMessage[]): void {
    for (const lane of this.lanes.values()) {
      const chosen = lane.partitions;
      for (const message of messages) if (!chosen || chosen.has(message.partition)) lane.pending.push(message);
    }
  }

  /** Hands each lane's collected messages, as chunks of at most `max`, to all its subscribers. */
  cut(max: number): void {
    for (const lane of this.lanes.values()) {
      if (lane.pending.length === 0) continue;
      const chunks = cutTailChunks(lane.pending, max);
      lane.pending = [];
      for (const subscriber of lane.subscribers) {
        for (const chunk of chunks) subscriber.queue.push(chunk);
        subscriber.notify();
      }
    }
  }

  notifyAll(): void {
    for (const lane of this.lanes.values()) for (const subscriber of lane.subscribers) subscriber.notify();
  }
}
