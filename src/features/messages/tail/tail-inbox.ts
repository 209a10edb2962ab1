import type { TTailBatch, TTailStatus } from "~/domain/messages/tail-batch";
import { RateMeter, TailBuffer } from "./tail-buffer";

/**
 * Rows reach the screen at most this often. The server already sends at most one batch per 100 ms,
 * so this only merges bursts (a reconnect delivering several at once). At 100 ms it fell out of
 * phase with the server's batches and held rows back up to a whole period: the tail benchmark's
 * p99 from produce to row went from 191 ms to 110 ms when it was halved.
 */
export const TAIL_FLUSH_MS = 50;
/** The rate and the connection state are refreshed this often even when nothing arrives. */
const IDLE_REFRESH_MS = 1_000;

/**
 * Where batches land between renders: the rows' buffer, the rate and the reader's last status.
 * A flush is scheduled when something arrives — at once if the last one is TAIL_FLUSH_MS old,
 * else when it will be — so a quiet topic shows a message without waiting for a timer's phase,
 * and a busy one renders about once per server batch.
 */
export class TailInbox {
  readonly buffer = new TailBuffer();
  readonly meter = new RateMeter();
  status: TTailStatus | null = null;
  private onFlush: (() => void) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastFlushAt = 0;

  receive(batch: TTailBatch): void {
    this.buffer.receive(batch.messages, batch.skipped);
    this.meter.add(batch.messages.length + batch.skipped);
    this.status = batch.status;
    this.schedule();
  }

  /** Flushes to `onFlush` from now on; the returned function stops it. */
  listen(onFlush: () => void): () => void {
    this.onFlush = onFlush;
    // Only when idle: a tick in the middle of a stream would shift the flushes off the batches' beat.
    const ticker = setInterval(() => {
      if (Date.now() - this.lastFlushAt >= IDLE_REFRESH_MS) this.flushNow();
    }, IDLE_REFRESH_MS);
    this.schedule();
    return () => {
      clearInterval(ticker);
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      this.onFlush = null;
    };
  }

  /** Asks for a flush within the rate limit (after a batch, or a pause, resume or clear). */
  schedule(): void {
    if (this.timer || !this.onFlush) return;
    const wait = Math.max(0, this.lastFlushAt + TAIL_FLUSH_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flushNow();
    }, wait);
  }

  private flushNow(): void {
    this.lastFlushAt = Date.now();
    this.onFlush?.();
  }
}
