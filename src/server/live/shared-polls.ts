import { setTimeout as delay } from "node:timers/promises";
import { registerResident, type TResidentHandle } from "~/server/workers/worker-registry";

/**
 * Live sources shared by every subscriber of the same key: N browser tabs watching one cluster cause
 * one poll loop, not N. A loop starts with its first subscriber and stops with its last. Each value
 * supersedes the one before (snapshots, not a log), so a slow subscriber skips to the newest.
 */

export type PollTick<T> = (key: string, previous: T | undefined) => Promise<{ value: T; nextInMs: number }>;

/** How a running loop is listed in the worker registry; a loop without one is not listed. */
export type TPollListing<T> = {
  describe: (key: string) => { name: string; description: string };
  /** The sentence of a value that reports a failure (Kafka unreachable), shown as the last error. */
  problemOf?: (value: T) => string | null;
  /** The loop has ended (its last subscriber left, or it was stopped): release what it held. */
  onEnd?: (key: string, latest: T | undefined) => void;
};

type Source<T> = {
  subscribers: number;
  latest: T | undefined;
  listeners: Set<(value: T) => void>;
  stop: AbortController;
  entry: TResidentHandle | null;
};

export class SharedPolls<T> {
  private readonly sources = new Map<string, Source<T>>();

  constructor(
    private readonly tick: PollTick<T>,
    private readonly listing?: TPollListing<T>,
  ) {}

  /** Keys with a running poll loop (for tests and diagnostics). */
  activeKeys(): string[] {
    return [...this.sources.keys()];
  }

  async *subscribe(key: string, signal?: AbortSignal): AsyncGenerator<T> {
    const source = this.acquire(key);
    let pending: T | undefined = source.latest;
    let wake: (() => void) | undefined;
    const listener = (value: T) => {
      pending = value;
      wake?.();
    };
    const onAbort = () => wake?.();
    source.listeners.add(listener);
    signal?.addEventListener("abort", onAbort);
    // Stopped from the worker registry: every subscriber's stream ends.
    source.stop.signal.addEventListener("abort", onAbort);
    try {
      while (!signal?.aborted && !source.stop.signal.aborted) {
        if (pending === undefined) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          continue;
        }
        const value = pending;
        pending = undefined;
        yield value;
      }
    } finally {
      signal?.removeEventListener("abort", onAbort);
      source.stop.signal.removeEventListener("abort", onAbort);
      source.listeners.delete(listener);
      this.release(key, source);
    }
  }

  private acquire(key: string): Source<T> {
    const existing = this.sources.get(key);
    if (existing) {
      existing.subscribers += 1;
      return existing;
    }
    const source: Source<T> = {
      subscribers: 1,
      latest: undefined,
      listeners: new Set(),
      stop: new AbortController(),
      entry: null,
    };
    this.sources.set(key, source);
    if (this.listing) {
      const { name, description } = this.listing.describe(key);
      source.entry = registerResident({ name, description, stop: () => this.end(key, source) });
    }
    void this.loop(key, source);
    return source;
  }

  private release(key: string, source: Source<T>): void {
    source.subscribers -= 1;
    if (source.subscribers > 0) return;
    this.end(key, source);
  }

  private end(key: string, source: Source<T>): void {
    if (source.stop.signal.aborted) return;
    source.stop.abort();
    source.entry?.end();
    this.listing?.onEnd?.(key, source.latest);
    if (this.sources.get(key) === source) this.sources.delete(key);
  }

  private async loop(key: string, source: Source<T>): Promise<void> {
    while (!source.stop.signal.aborted) {
      const { value, nextInMs } = await this.tick(key, source.latest);
      if (source.stop.signal.aborted) return;
      source.latest = value;
      source.entry?.recordPass(this.listing?.problemOf?.(value) ?? undefined);
      for (const listener of source.listeners) listener(value);
      try {
        await delay(nextInMs, undefined, { signal: source.stop.signal });
      } catch {
        return; // stopped while waiting
      }
    }
  }
}
