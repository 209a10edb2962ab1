import type { TLagRange } from "~/domain/groups/lag-range";

const TIME = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
const DAY_AND_TIME = new Intl.DateTimeFormat(undefined, { weekday: "short", hour: "2-digit", minute: "2-digit" });
const FULL = new Intl.DateTimeFormat(undefined, {
  weekday: "short",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});
const COUNT = new Intl.NumberFormat("en-US");
const COMPACT = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/** Axis ticks: times of day, with the weekday once the range spans days. */
export function axisTimeFormatter(range: TLagRange): (at: number) => string {
  return range === "7d" ? (at) => DAY_AND_TIME.format(at) : (at) => TIME.format(at);
}

export const formatFullTime = (at: number) => FULL.format(at);
export const formatLagCount = (value: number) => COUNT.format(value);
export const formatLagAxis = (value: number) => COMPACT.format(value);
