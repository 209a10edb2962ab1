import { StepConfigError, type TStep, type TStepContext, type TStepEmit, type TStepRecord } from "../../step-types";
import { deadLetter, isPlainObject, malformedSentence, numberAt, out, pathSegments } from "../step-values";
import { aggregate } from "./aggregate";
import type { TWindowConfig } from "./config";
import { assign, STREAM_TIME_KEY, takeDue, type TDueWindow } from "./open-windows";

const NOTHING: TStepEmit[] = [];
/** Each record's value is kept once per window it falls in: bound the copies. */
const MAX_WINDOWS_PER_RECORD = 1_000;

/**
 * Event-time windows per key. A window closes (and emits one record) when the stream time — the
 * highest record timestamp seen, across keys — reaches its end plus the grace; `flush(now)` closes
 * those due by `now` (the engine passes +Infinity at the end of its input, closing all).
 */
export function createWindowStep(context: TStepContext<TWindowConfig>): TStep {
  const { config, host } = context;
  const { window } = config;
  if (window.type === "hopping" && window.sizeMs / window.advanceMs > MAX_WINDOWS_PER_RECORD) {
    throw new StepConfigError(
      `A hopping window of ${window.sizeMs} ms every ${window.advanceMs} ms puts each record in ${Math.ceil(window.sizeMs / window.advanceMs).toLocaleString("en")} windows; choose an advance of at least ${Math.ceil(window.sizeMs / MAX_WINDOWS_PER_RECORD)} ms.`,
    );
  }
  const state = host.state;
  const segments = pathSegments(config.field);
  // Not state: after a restore it starts at -Infinity, so the first record scans and rebuilds it.
  let nextCloseAt = Number.NEGATIVE_INFINITY;

  const close = (streamTime: number): TStepEmit[] => {
    if (streamTime < nextCloseAt) return NOTHING;
    const { due, nextCloseAt: next } = takeDue(state, streamTime);
    nextCloseAt = next;
    return due.length === 0 ? NOTHING : due.map((window) => out(windowRecord(window, config)));
  };

  return {
    process(record) {
      if (!isPlainObject(record.value))
        return [deadLetter(record, malformedSentence(`it has no field ${config.field}`))];
      const x = numberAt(record.value, segments, config.field);
      if (typeof x === "string") return [deadLetter(record, x)];
      const previous = state.get<number>(STREAM_TIME_KEY) ?? Number.NEGATIVE_INFINITY;
      const streamTime = Math.max(previous, record.timestamp);
      if (streamTime !== previous) state.put(STREAM_TIME_KEY, streamTime);
      const { accepted, closeAt } = assign(state, config.window, config.graceMs, streamTime, record, x);
      if (closeAt < nextCloseAt) nextCloseAt = closeAt;
      const closed = close(streamTime);
      if (accepted) return closed;
      const late = deadLetter(
        record,
        `The record arrived after its window closed (its time is ${isoTime(record.timestamp)}, the stream had reached ${isoTime(streamTime)}).`,
      );
      return [late, ...closed];
    },
    flush: (now) => close(now),
  };
}

function windowRecord({ key, window }: TDueWindow, config: TWindowConfig): TStepRecord {
  const timestamp = window.end;
  return {
    key,
    value: {
      windowStart: isoTime(window.start),
      windowEnd: isoTime(window.end),
      ...aggregate(window.values, config.aggregates),
    },
    timestamp,
    headers: {},
    topic: window.lastTopic,
    partition: window.lastPartition,
    offset: window.lastOffset,
  };
}

function isoTime(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? String(ms) : date.toISOString();
}
