/**
 * The window step's state: per key, its open windows with every value (exact percentiles need
 * them all). JSON only, so that the runtime can log it to a changelog topic.
 */
import type { TStateStore, TStepRecord } from "../../step-types";
import type { TWindow } from "./config";

export type TOpenWindow = {
  start: number;
  /** Tumbling/hopping: the exclusive end; session: the time of its last record. */
  end: number;
  /** When the stream time reaches this, the window closes: end (+ gap for sessions) + grace. */
  closeAt: number;
  values: number[];
  /** Where the last record added was read: the output record's origin (flat: no object per record). */
  lastTopic: string;
  lastPartition: number;
  lastOffset: string;
};
export type TKeyWindows = { key: string | null; windows: TOpenWindow[] };

/** The highest record timestamp seen, kept beside the keys (no record key starts with U+0000). */
export const STREAM_TIME_KEY = "\u0000stream-time";
const UNKEYED = "\u0000unkeyed";
export const stateKeyOf = (key: string | null) => key ?? UNKEYED;

/**
 * Adds the value to every window of the record that is still open; false when all of them had
 * closed already (a late record). Returns the lowest closeAt it touched, for the step's next scan.
 */
export function assign(
  state: TStateStore,
  window: TWindow,
  graceMs: number,
  streamTime: number,
  record: TStepRecord,
  x: number,
): { accepted: boolean; closeAt: number } {
  const stateKey = stateKeyOf(record.key);
  const entry = state.get<TKeyWindows>(stateKey) ?? { key: record.key, windows: [] };
  const ts = record.timestamp;
  let accepted = false;
  let closeAt = Number.POSITIVE_INFINITY;
  if (window.type === "session") {
    const touching = entry.windows.filter((w) => ts > w.start - window.gapMs && ts < w.end + window.gapMs);
    const start = Math.min(ts, ...touching.map((w) => w.start));
    const end = Math.max(ts, ...touching.map((w) => w.end));
    const sessionCloseAt = end + window.gapMs + graceMs;
    if (touching.length > 0 || sessionCloseAt > streamTime) {
      const values = touching.flatMap((w) => w.values);
      values.push(x);
      entry.windows = entry.windows.filter((w) => !touching.includes(w));
      entry.windows.push({
        start,
        end,
        closeAt: sessionCloseAt,
        values,
        lastTopic: record.topic,
        lastPartition: record.partition,
        lastOffset: record.offset,
      });
      accepted = true;
      closeAt = sessionCloseAt;
    }
  } else {
    const size = window.sizeMs;
    const advance = window.type === "hopping" ? window.advanceMs : size;
    // Every window [start, start + size) holding ts, with start a multiple of the advance.
    for (let start = Math.floor(ts / advance) * advance; start > ts - size; start -= advance) {
      const windowCloseAt = start + size + graceMs;
      if (windowCloseAt <= streamTime) continue;
      let open: TOpenWindow | undefined;
      for (const w of entry.windows) if (w.start === start) open = w;
      if (!open) {
        open = {
          start,
          end: start + size,
          closeAt: windowCloseAt,
          values: [],
          lastTopic: "",
          lastPartition: 0,
          lastOffset: "",
        };
        entry.windows.push(open);
      }
      open.values.push(x);
      open.lastTopic = record.topic;
      open.lastPartition = record.partition;
      open.lastOffset = record.offset;
      accepted = true;
      closeAt = Math.min(closeAt, windowCloseAt);
    }
  }
  if (accepted) state.put(stateKey, entry);
  return { accepted, closeAt };
}

export type TDueWindow = { key: string | null; window: TOpenWindow };

/** Removes and returns every window due by `streamTime`, oldest end first; and the next closeAt. */
export function takeDue(state: TStateStore, streamTime: number): { due: TDueWindow[]; nextCloseAt: number } {
  const due: TDueWindow[] = [];
  let nextCloseAt = Number.POSITIVE_INFINITY;
  for (const stateKey of [...state.keys()]) {
    if (stateKey === STREAM_TIME_KEY) continue;
    const entry = state.get<TKeyWindows>(stateKey);
    if (!entry) continue;
    const open: TOpenWindow[] = [];
    for (const w of entry.windows) {
      if (w.closeAt <= streamTime) due.push({ key: entry.key, window: w });
      else {
        open.push(w);
        if (w.closeAt < nextCloseAt) nextCloseAt = w.closeAt;
      }
    }
    if (open.length === entry.windows.length) continue;
    if (open.length === 0) state.delete(stateKey);
    else state.put(stateKey, { key: entry.key, windows: open });
  }
  due.sort((a, b) => a.window.end - b.window.end || a.window.start - b.window.start);
  return { due, nextCloseAt };
}
