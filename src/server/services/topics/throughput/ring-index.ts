/**
 * Slot arithmetic of a fixed-capacity ring: the newest sample overwrites the oldest, so memory stays
 * constant however long the server runs. Callers keep one typed array per series, indexed by slot.
 */
export class RingIndex {
  private next = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new Error(`Ring capacity must be a positive integer, got ${capacity}.`);
  }

  get size(): number {
    return this.count;
  }

  /** The slot the next sample goes into (overwriting the oldest once full). */
  advance(): number {
    const slot = this.next;
    this.next = (this.next + 1) % this.capacity;
    this.count = Math.min(this.count + 1, this.capacity);
    return slot;
  }

  /** Slots from oldest to newest. */
  slots(): number[] {
    const oldest = (this.next - this.count + this.capacity) % this.capacity;
    return Array.from({ length: this.count }, (_, index) => (oldest + index) % this.capacity);
  }
}
