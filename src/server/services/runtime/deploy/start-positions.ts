/**
 * Where a step's consumer group starts reading one partition, as the sentence the deploy plan shows.
 * Pure (offsets as bigint), so every case is tested without a broker.
 */

export type TStartFrom = "latest" | "earliest";

export type TPartitionStartFacts = {
  /** The group's committed offset; null when it never committed on this partition. */
  committed: bigint | null;
  /** Log start and end (the high watermark); null when the partition's leader did not answer. */
  low: bigint | null;
  high: bigint | null;
  /** Where a group without a (usable) committed offset starts: the pipeline's setting. */
  startFrom: TStartFrom;
  /** The input topic does not exist yet: this deploy creates it from its definition. */
  topicIsNew: boolean;
};

const offsetText = (offset: bigint) => new Intl.NumberFormat("en-US").format(offset);
const records = (count: bigint) => `${offsetText(count)} ${count === 1n ? "record" : "records"}`;

/** "at committed offset 1,204 — 312 records behind", "at the latest offset 9,000 (no committed offset; start position: latest)", … */
export function startSentence(facts: TPartitionStartFacts): string {
  const { committed, low, high, startFrom } = facts;
  if (facts.topicIsNew) return "at offset 0 (this deploy creates the topic)";
  if (low === null || high === null) {
    return committed === null
      ? `at the ${startFrom} offset (no committed offset; the partition's leader did not answer, so the offset is unknown)`
      : `at committed offset ${offsetText(committed)} (the partition's leader did not answer, so the lag is unknown)`;
  }
  const fallback = startFrom === "latest" ? high : low;
  const backlog = startFrom === "earliest" && high > low ? ` — ${records(high - low)} to read` : "";
  if (committed === null) {
    return `at the ${startFrom} offset ${offsetText(fallback)} (no committed offset; start position: ${startFrom})${backlog}`;
  }
  // Kafka answers a fetch outside the log with OFFSET_OUT_OF_RANGE; the consumer then resets to the start position.
  if (committed < low || committed > high) {
    const why = committed < low ? "retention deleted it" : "it is past the end of the log; was the topic recreated?";
    return `at the ${startFrom} offset ${offsetText(fallback)} (committed offset ${offsetText(committed)} is no longer in the log: ${why})${backlog}`;
  }
  if (committed === high) return `at committed offset ${offsetText(committed)} — caught up`;
  return `at committed offset ${offsetText(committed)} — ${records(high - committed)} behind`;
}
