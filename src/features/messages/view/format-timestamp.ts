import type { TTimeZone } from "./use-topic-decoder";

/** "2026-11-22 01:37:10.123" in the chosen zone; ms since the epoch arrive as a string. */
export function formatTimestamp(timestamp: string, zone: TTimeZone): string {
  const ms = Number(timestamp);
  if (!Number.isFinite(ms) || ms < 0) return "no timestamp";
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return "invalid timestamp";
  if (zone === "utc") return date.toISOString().replace("T", " ").replace("Z", " UTC");
  const pad = (value: number, width = 2) => String(value).padStart(width, "0");
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`
  );
}
