import "server-only";
import { setTimeout as delay } from "node:timers/promises";
import type { TMessage } from "~/domain/messages/message";
import { recordRead, type TAuditActor } from "~/server/services/audit/audited";
import { getCluster } from "~/server/services/clusters/registered-clusters";
import { joinTail, type TTailSubscriber } from "./shared-tails";
import type { TTailBatch, TTailStatus } from "./tail-batch";
import { advanceTailCursor, formatTailCursor, parseTailCursor, type TTailCursor } from "./tail-cursor";
import { TailQueue } from "./tail-queue";
import { readTailStart } from "./tail-start";

/** Batches leave at most this often, so a busy topic costs a tab ~10 events a second, not thousands. */
export const TAIL_BATCH_MS = 100;
/** A subscriber further behind than this loses its oldest messages (counted as skipped). */
export const TAIL_QUEUE_CAPACITY = 2_000;
/** Messages per event; the rest follow in the next one. */
export const TAIL_BATCH_MAX = 500;

export type TTailRequest = {
  clusterId: string;
  topic: string;
  partitions: readonly number[] | null;
  /** Send the newest N messages first (0: only new ones). */
  last?: number;
  /** The cursor of the last event received, when a stream reconnects. */
  lastEventId?: string | null;
};

/** One event: a batch and the cursor to resume after it. */
export type TTailEvent = { cursor: string; batch: TTailBatch };

/**
 * New messages of a topic from the moment of subscribing, in batches, until `signal` aborts. The
 * first event comes as soon as the shared reader is positioned (status "live").
 */
export async function* tailMessages(
  by: TAuditActor,
  request: TTailRequest,
  signal: AbortSignal | undefined,
): AsyncGenerator<TTailEvent> {
  const cluster = await getCluster(request.clusterId);
  let wake: (() => void) | undefined;
  const subscriber: TTailSubscriber = {
    partitions: request.partitions ? new Set(request.partitions) : null,
    queue: new TailQueue<TMessage>(TAIL_QUEUE_CAPACITY),
    notify: () => wake?.(),
  };
  // Join before reading the high watermarks: a record past them can then only reach the reader
  // after this subscriber is listening, so none falls between the two.
  const membership = joinTail(cluster, request.topic, subscriber);
  const onAbort = () => wake?.();
  signal?.addEventListener("abort", onAbort);
  try {
    const resume = parseTailCursor(request.lastEventId);
    const start = await readTailStart(
      cluster,
      { topic: request.topic, partitions: request.partitions, last: request.last ?? 0 },
      resume,
      TAIL_QUEUE_CAPACITY,
    );
    // A reconnect continues the same tail: one audit row per tail the user started.
    if (!resume) {
      await recordRead({
        by,
        action: "messages.tail",
        clusterId: cluster.id,
        target: request.topic,
        details: { partitions: request.partitions ?? "all", last: request.last ?? 0 },
      });
    }
    const cursor: TTailCursor = new Map(start?.starts);
    let preface = start?.preface ?? [];
    let prefaceSkipped = start?.skipped ?? 0;
    let sentStatus: TTailStatus | null = null;
    let sentAt = 0;
    while (!signal?.aborted) {
      const status = membership.status();
      if (!status || (status === sentStatus && !subscriber.queue.hasNews)) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      const sinceLast = Date.now() - sentAt;
      if (sinceLast < TAIL_BATCH_MS) {
        await delay(TAIL_BATCH_MS - sinceLast, undefined, { signal }).catch(() => undefined);
        if (signal?.aborted) break;
      }
      const { values, skipped } = subscriber.queue.drain(TAIL_BATCH_MAX);
      const live = start ? values.filter((message) => isAfterStart(message, start.starts)) : values;
      const messages = preface.length > 0 ? [...preface, ...live] : live;
      const current: TTailStatus = membership.status() ?? status;
      if (messages.length === 0 && skipped + prefaceSkipped === 0 && current === sentStatus) continue;
      advanceTailCursor(cursor, messages);
      const batch: TTailBatch = { messages, skipped: skipped + prefaceSkipped, status: current };
      preface = [];
      prefaceSkipped = 0;
      sentStatus = current;
      sentAt = Date.now();
      yield { cursor: formatTailCursor(cursor), batch };
    }
  } finally {
    signal?.removeEventListener("abort", onAbort);
    membership.leave();
  }
}

function isAfterStart(message: TMessage, starts: Map<number, bigint>): boolean {
  const start = starts.get(message.partition);
  return start === undefined || BigInt(message.offset) >= start;
}
