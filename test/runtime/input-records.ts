/** A record for the input topic: `{ id, stream, value }` keyed by stream, as the simulator writes them. */
export type TInputRecord = { key: string; value: string; timestamp: string };

export type TSensorOptions = {
  /** Distinct keys `server-<k>-cpu` (k = id mod streams). */
  streams: number;
  /** Event time of id 0; each next id is `stepMs` later, so timestamps increase per key. */
  startMs: number;
  stepMs: number;
};

/**
 * Ids 0…count-1. Values are a deterministic wobble around 50 with a spike every 97th record, so
 * that a z-score step flags some anomalies and a window's max differs from its average.
 */
export function sensorRecords(count: number, options: TSensorOptions): TInputRecord[] {
  const records: TInputRecord[] = [];
  for (let id = 0; id < count; id += 1) {
    const stream = `server-${id % options.streams}-cpu`;
    const value = id % 97 === 0 ? 150 : 40 + ((id * 7_919) % 21);
    records.push({
      key: stream,
      value: JSON.stringify({ id, stream, value }),
      timestamp: String(options.startMs + id * options.stepMs),
    });
  }
  return records;
}
