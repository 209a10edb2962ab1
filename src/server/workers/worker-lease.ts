import "server-only";
import { releaseLease, tryTakeLease } from "~/server/db/worker-leases";

/** A lease outlives three missed renewals, and never less than 10 s: a GC pause or a slow query must not hand a job over. */
const MIN_TTL_MS = 10_000;
/** …and never more than 30 s, so that a dead holder's jobs move within seconds even when they run hourly. */
const MAX_TTL_MS = 30_000;

export function leaseTtlMs(intervalMs: number): number {
  return Math.min(MAX_TTL_MS, Math.max(MIN_TTL_MS, 3 * intervalMs));
}

export type TLeaseTake = { held: true; isNew: boolean } | { held: false; error: unknown };

/**
 * The lease of one one-server job, as this process holds it. Taken (or renewed) before each pass,
 * renewed every third of its TTL while held — also between passes, so an hourly job keeps it — and
 * given up on stop. A renewal that finds another holder, or that cannot reach PostgreSQL until the
 * lease has run out, ends the hold: the running pass is aborted and the job goes to standby.
 */
export class WorkerLease {
  private heldUntil = 0;
  private renewal: NodeJS.Timeout | undefined;
  private lost: AbortController | undefined;

  constructor(
    readonly name: string,
    readonly holderId: string,
    readonly ttlMs: number,
  ) {}

  get isHeld(): boolean {
    return this.heldUntil > Date.now();
  }

  /** Takes or renews the lease; `isNew` when this process did not hold it just before. */
  async take(): Promise<TLeaseTake> {
    const wasHeld = this.isHeld;
    const asked = Date.now();
    let taken: boolean;
    try {
      taken = await tryTakeLease(this.name, this.holderId, this.ttlMs);
    } catch (error) {
      if (!this.isHeld) this.drop();
      return { held: false, error };
    }
    if (!taken) {
      this.drop();
      return { held: false, error: null };
    }
    // Counted from when we asked: the row's expiry is at least that late.
    this.heldUntil = asked + this.ttlMs;
    this.keepRenewing();
    return { held: true, isNew: !wasHeld };
  }

  /** A signal that aborts when the stop signal does or when the lease is lost mid-pass. */
  passSignal(stop: AbortSignal): AbortSignal {
    this.lost = new AbortController();
    return AbortSignal.any([stop, this.lost.signal]);
  }

  async release(): Promise<void> {
    const wasHeld = this.heldUntil > 0;
    this.drop();
    if (wasHeld) await releaseLease(this.name, this.holderId).catch(() => undefined);
  }

  private keepRenewing(): void {
    if (this.renewal) return;
    this.renewal = setInterval(() => void this.take(), Math.floor(this.ttlMs / 3));
    // The renewal must never keep a stopping process alive on its own.
    this.renewal.unref();
  }

  private drop(): void {
    this.heldUntil = 0;
    clearInterval(this.renewal);
    this.renewal = undefined;
    this.lost?.abort();
  }
}
