/** Small text helpers for the kinds' one-line canvas summaries. */
import { formatDuration } from "~/lib/format";

/** One line of at most `max` characters (an expression may be long or span lines). */
export function shorten(text: string, max = 48): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

/** "500 ms", "30 s", "1 h 5 min": window sizes and dedupe windows can be shorter than a second. */
export function durationText(ms: number): string {
  return ms < 1000 || ms % 1000 !== 0 ? `${ms} ms` : formatDuration(ms);
}
