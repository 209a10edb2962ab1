import "server-only";
import type { TMessage } from "~/domain/messages/message";
import type { TTailStatus } from "~/domain/messages/tail-batch";
import { recordRead, type TAuditActor } from "~/server/services/audit/audited";
import { getCluster } from "~/server/services/clusters/registered-clusters";
import { joinTail } from "./shared-tails";
import { TailChunkQueue } from "./tail-chunk-queue";
import { formatTailCursor, parseTailCursor, type TTailCursor } from "./tail-cursor";
import { composeEventChunks } from "./tail-event-chunks";
import type { TTailSubscriber } from "./tail-lanes";
import { TAIL_BATCH_MAX, TAIL_QUEUE_CAPACITY } from "./tail-limits";
import { readTailStart } from "./tail-start";

export type TTailRequest = {
  clusterId: string;
  topic: string;
  partitions: readonly number[] | null;
  /** Send the newest N messages first (0: only new ones). */
  last?: number;
  /** The cursor of the last event received, when a stream reconnects. */
  lastEventId?: string | null;
};

/**
 * One event: the cursor to resume after it, what this tab missed, the reader's status, and the
 * messages as encoded SSE data lines (see `composeEventChunks`).
 */
export type TTailEvent = { cursor: string; skipped: number; status: TTailStatus; dataLines: Uint8Array[] };

/**
 * New messages of a topic from the moment of subscribing, in batches, until `signal` aborts. The
 * first event comes as soon as the shared reader is positioned (status "live"). Batches follow the
 * shared reader's cuts (at most every TAIL_BATCH_MS); a tab that fell behind gets several at once.
 */
export async function* tailMessages(
  by: TAuditActor,
  request: TTailRequest,
  signal: AbortSignal | undefined,
): AsyncGenerator<TTailEvent> {
  const cluster = await getCluster(request.clusterId);
  let wake: (() => void) | undefined;
  const subscriber: TTailSubscriber = { queue: new TailChunkQueue(TAIL_QUEUE_CAPACITY), notify: () => wake?.() };
  // Join before reading the high watermarks: a record past them can then only reach the reader
  // after this subscriber is listening, so none falls between the two.
  const membership = joinTail(cluster, request.topic, request.partitions, subscriber);
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
    let preface: TMessage[] = start?.preface ?? [];
    let prefaceSkipped = start?.skipped ?? 0;
    let sentStatus: TTailStatus | null = null;
    while (!signal?.aborted) {
      const status = membership.status();
      if (!status || (status === sentStatus && !subscriber.queue.hasNews)) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      const { parts, skipped } = subscriber.queue.drain(TAIL_BATCH_MAX);
      const dataLines = composeEventChunks(preface, parts, start?.starts ?? null, cursor);
      const missed = skipped + prefaceSkipped;
      if (dataLines.length === 0 && missed === 0 && status === sentStatus) continue;
      preface = [];
      prefaceSkipped = 0;
      sentStatus = status;
      yield { cursor: formatTailCursor(cursor), skipped: missed, status, dataLines };
    }
  } finally {
    signal?.removeEventListener("abort", onAbort);
    membership.leave();
  }
}
