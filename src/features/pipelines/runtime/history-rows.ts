import type { TStepSamplePoint } from "~/domain/pipelines/runtime/runtime-dto";

/** The minutes of history a step's charts can show; the URL keeps the choice (`?minutes=360`). */
export const HISTORY_MINUTES = [15, 60, 360] as const;
export type THistoryMinutes = (typeof HISTORY_MINUTES)[number];
export const DEFAULT_HISTORY_MINUTES: THistoryMinutes = 60;
export const HISTORY_MINUTES_LABELS: Record<THistoryMinutes, string> = { 15: "15 min", 60: "1 h", 360: "6 h" };

export function parseHistoryMinutes(value: string | null): THistoryMinutes {
  const minutes = Number(value);
  return (HISTORY_MINUTES as readonly number[]).includes(minutes)
    ? (minutes as THistoryMinutes)
    : DEFAULT_HISTORY_MINUTES;
}

/** One row of the charts: epoch ms in `at`; null values break the line. */
export type THistoryRow = {
  at: number;
  inRate: number | null;
  outRate: number | null;
  deadLetterRate: number | null;
  lag: number | null;
};

/**
 * The step's samples as chart rows. Samples are stored every 10 s while the step is deployed; a
 * wider hole (stopped, no runner, no server holding the sampler) gets an empty row, so the lines
 * break there instead of drawing a slope across time nobody measured.
 */
export function historyRows(points: readonly TStepSamplePoint[], gapMs = 35_000): THistoryRow[] {
  const sorted = [...points].sort((a, b) => a.at.getTime() - b.at.getTime());
  const rows: THistoryRow[] = [];
  let previous: number | null = null;
  for (const point of sorted) {
    const at = point.at.getTime();
    if (previous !== null && at - previous > gapMs) {
      rows.push({ at: previous + 1, inRate: null, outRate: null, deadLetterRate: null, lag: null });
    }
    rows.push({
      at,
      inRate: point.inRate,
      outRate: point.outRate,
      deadLetterRate: point.deadLetterRate,
      lag: point.lag,
    });
    previous = at;
  }
  return rows;
}
