const RATE_FORMAT = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const COMPACT_FORMAT = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/** "12.0 msg/s", "48.2K msg/s": one decimal so a slow topic does not read as zero. */
export function formatRate(messagesPerSecond: number): string {
  const number =
    messagesPerSecond >= 10_000 ? COMPACT_FORMAT.format(messagesPerSecond) : RATE_FORMAT.format(messagesPerSecond);
  return `${number} msg/s`;
}
