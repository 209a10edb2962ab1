import { formatDuration } from "~/lib/format";

/** The share of sampled values that match, in whole percent, never rounded up to 100 while one fails. */
export function conformanceShare(matched: number, sampled: number): number {
  if (sampled <= 0) return 0;
  const share = Math.round((matched / sampled) * 100);
  return share === 100 && matched < sampled ? 99 : share === 0 && matched > 0 ? 1 : share;
}

const DAY_MS = 86_400_000;

/** "just now", "5 min ago"… for when a conformance check ran. */
export function formatCheckedAt(checkedAt: Date, now: Date): string {
  const elapsed = now.getTime() - new Date(checkedAt).getTime();
  if (elapsed < 60_000) return "just now";
  if (elapsed >= 2 * DAY_MS) return `${Math.floor(elapsed / DAY_MS)} days ago`;
  return `${formatDuration(elapsed)} ago`;
}
