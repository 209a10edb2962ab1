import type { TMessage } from "~/domain/messages/message";
import { orderBatchByTime } from "./batch-order";

/** Rows kept on screen; older rows leave the list and are counted as not shown. */
export const TAIL_SCREEN_CAP = 500;

/** What the tail view renders; replaced (never mutated) on each flush. */
export type TTailScreen = {
  /** Oldest first, at most the cap. */
  rows: readonly TMessage[];
  /** Messages this view did not show or no longer shows: skipped by the server, cut by the cap. */
  notShown: number;
  /** Arrivals since the user paused (shown on resume, up to the cap). */
  newWhilePaused: number;
  isPaused: boolean;
};

export const EMPTY_TAIL_SCREEN: TTailScreen = { rows: [], notShown: 0, newWhilePaused: 0, isPaused: false };

/**
 * The tail's buffer between the subscription and the screen. Batches land here as they arrive
 * (kept in a ref, so arrivals cause no render); `flush` on a timer turns them into the next screen.
 * Every message is either a row or part of `notShown` — the sum is exact.
 */
export class TailBuffer {
  private pending: TMessage[] = [];
  /** Not shown yet, counted into the screen's `notShown` at the next flush. */
  private pendingNotShown = 0;
  private newWhilePaused = 0;
  private isPaused = false;
  private screen: TTailScreen = EMPTY_TAIL_SCREEN;
  private isDirty = false;

  constructor(private readonly cap: number = TAIL_SCREEN_CAP) {}

  receive(messages: readonly TMessage[], skipped: number): void {
    if (messages.length === 0 && skipped === 0) return;
    for (const message of orderBatchByTime(messages)) this.pending.push(message);
    this.pendingNotShown += skipped;
    if (this.isPaused) this.newWhilePaused += messages.length + skipped;
    // Only the newest `cap` can ever be on screen; count the rest now rather than hold them.
    const overflow = this.pending.length - this.cap;
    if (overflow > 0) {
      this.pending.splice(0, overflow);
      this.pendingNotShown += overflow;
    }
    this.isDirty = true;
  }

  pause(): void {
    this.isPaused = true;
    this.isDirty = true;
  }

  resume(): void {
    this.isPaused = false;
    this.newWhilePaused = 0;
    this.isDirty = true;
  }

  /** Empties the screen and forgets every count. */
  clear(): void {
    this.pending = [];
    this.pendingNotShown = 0;
    this.newWhilePaused = 0;
    this.screen = { ...EMPTY_TAIL_SCREEN, isPaused: this.isPaused };
    this.isDirty = true;
  }

  /**
   * The screen to show now, or null when nothing changed since the last flush (no render needed).
   * While paused the rows stay as they are and only the arrival count moves.
   */
  flush(): TTailScreen | null {
    if (!this.isDirty) return null;
    this.isDirty = false;
    if (this.isPaused) {
      this.screen = { ...this.screen, newWhilePaused: this.newWhilePaused, isPaused: true };
      return this.screen;
    }
    let rows = this.screen.rows;
    let notShown = this.screen.notShown + this.pendingNotShown;
    if (this.pending.length > 0) {
      const joined = [...rows, ...this.pending];
      const cut = Math.max(0, joined.length - this.cap);
      rows = cut > 0 ? joined.slice(cut) : joined;
      notShown += cut;
    }
    this.pending = [];
    this.pendingNotShown = 0;
    this.screen = { rows, notShown, newWhilePaused: 0, isPaused: false };
    return this.screen;
  }
}

/** Messages per second over the last few seconds of arrivals. */
export class RateMeter {
  private samples: { at: number; count: number }[] = [];

  constructor(private readonly windowMs: number = 5_000) {}

  add(count: number, at: number = Date.now()): void {
    if (count > 0) this.samples.push({ at, count });
  }

  perSecond(now: number): number {
    this.samples = this.samples.filter((sample) => now - sample.at < this.windowMs);
    const total = this.samples.reduce((sum, sample) => sum + sample.count, 0);
    return total / (this.windowMs / 1_000);
  }
}
