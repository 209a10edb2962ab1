import { RingIndex } from "./ring-index";
import { ratePerSecond, type TRatePoint, type TWatermarkReading } from "./rate";

/** A partition's rates by ring slot (NaN: unknown), and its last reading to compute the next one. */
type PartitionSeries = { rates: Float32Array; last: TWatermarkReading | undefined };

export type TTimedRatePoint = TRatePoint & { intervalMs: number };

/**
 * The last `capacity` samples of one cluster's produce rates. Each partition costs one Float32Array
 * of `capacity` rates (4 bytes each: msg/s needs no more precision than that) plus its last reading;
 * topics that disappear from the cluster are dropped at the next sample.
 */
export class ThroughputHistory {
  private readonly ring: RingIndex;
  private readonly times: Float64Array;
  /** Time since the previous sample, per slot (NaN for the first). */
  private readonly intervals: Float64Array;
  private readonly topics = new Map<string, Map<number, PartitionSeries>>();
  private lastAt: number | undefined;

  constructor(readonly capacity: number) {
    this.ring = new RingIndex(capacity);
    this.times = new Float64Array(capacity);
    this.intervals = new Float64Array(capacity);
  }

  get sampleCount(): number {
    return this.ring.size;
  }

  /** Records one sample: high watermarks (int64 strings) by topic and partition, read at `at`. */
  record(at: number, highs: ReadonlyMap<string, ReadonlyMap<number, string>>): void {
    const slot = this.ring.advance();
    this.times[slot] = at;
    this.intervals[slot] = this.lastAt === undefined ? Number.NaN : at - this.lastAt;
    this.lastAt = at;

    for (const name of this.topics.keys()) if (!highs.has(name)) this.topics.delete(name);
    for (const [name, partitions] of highs) {
      const series = this.topics.get(name) ?? new Map<number, PartitionSeries>();
      this.topics.set(name, series);
      for (const [partition, high] of partitions) {
        let entry = series.get(partition);
        if (!entry) {
          entry = { rates: new Float32Array(this.capacity).fill(Number.NaN), last: undefined };
          series.set(partition, entry);
        }
        const reading = { high: BigInt(high), at };
        entry.rates[slot] = ratePerSecond(entry.last, reading) ?? Number.NaN;
        entry.last = reading;
      }
      // A partition without a leader this time has no rate for this slot (the ring may hold an old one).
      for (const [partition, entry] of series) if (!partitions.has(partition)) entry.rates[slot] = Number.NaN;
    }
  }

  /** Rate points of one topic since `since` (ms), oldest first; samples with no known rate are left out. */
  points(topic: string, since: number): TTimedRatePoint[] {
    const series = this.topics.get(topic);
    if (!series) return [];
    const result: TTimedRatePoint[] = [];
    for (const slot of this.ring.slots()) {
      const at = this.times[slot] ?? 0;
      if (at < since) continue;
      const partitions: Record<number, number> = {};
      let total = 0;
      let known = false;
      for (const [partition, entry] of series) {
        const rate = entry.rates[slot] ?? Number.NaN;
        if (Number.isNaN(rate)) continue;
        partitions[partition] = rate;
        total += rate;
        known = true;
      }
      if (known) result.push({ at, total, partitions, intervalMs: this.intervals[slot] ?? Number.NaN });
    }
    return result;
  }

  topicNames(): string[] {
    return [...this.topics.keys()];
  }
}
