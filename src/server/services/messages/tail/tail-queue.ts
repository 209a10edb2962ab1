/**
 * One subscriber's backlog of tailed messages. A slow tab must not slow the shared reader nor make
 * the server hold an unbounded backlog, so past `capacity` the oldest entries are dropped — and
 * counted, so that the subscriber is told how many it missed: every message is either sent or
 * counted in `skipped`.
 */
export class TailQueue<T> {
  private items: T[] = [];
  private head = 0;
  private skipped = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError("capacity must be a positive integer");
  }

  get size(): number {
    return this.items.length - this.head;
  }

  /** True when there is something to tell the subscriber: messages or a count of dropped ones. */
  get hasNews(): boolean {
    return this.size > 0 || this.skipped > 0;
  }

  push(values: readonly T[]): void {
    for (const value of values) this.items.push(value);
    const overflow = this.size - this.capacity;
    if (overflow > 0) {
      this.head += overflow;
      this.skipped += overflow;
    }
    // Compact now and then instead of shifting on every drop.
    if (this.head > 1_024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }

  /** Takes up to `max` of the oldest messages and the count dropped since the last drain. */
  drain(max: number = Number.POSITIVE_INFINITY): { values: T[]; skipped: number } {
    const end = Math.min(this.items.length, this.head + max);
    const values = this.items.slice(this.head, end);
    this.head = end;
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    }
    const skipped = this.skipped;
    this.skipped = 0;
    return { values, skipped };
  }
}
