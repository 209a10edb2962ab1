import { z } from "zod";
import type { TTopicSummary } from "./topic-dto";

/** Columns the topic list sorts by. Metadata columns sort every topic; the rest need offsets or configs. */
export const TOPIC_SORT_COLUMNS = [
  "name",
  "partitions",
  "replicationFactor",
  "underReplicated",
  "messages",
  "retentionMs",
  "retentionBytes",
  "cleanupPolicy",
] as const;
export type TTopicSortColumn = (typeof TOPIC_SORT_COLUMNS)[number];

export const TOPIC_PAGE_SIZES = [25, 50, 100] as const;

/** The topic list's query; every field also lives in the page URL so a view can be shared. */
export const ZTopicListQuery = z.object({
  clusterId: z.string().min(1),
  search: z.string().trim().max(249).default(""),
  includeInternal: z.boolean().default(false),
  sort: z.enum(TOPIC_SORT_COLUMNS).default("name"),
  direction: z.enum(["asc", "desc"]).default("asc"),
  page: z.number().int().min(1).default(1),
  pageSize: z.union(TOPIC_PAGE_SIZES.map((size) => z.literal(size))).default(50),
});
export type TTopicListQuery = z.infer<typeof ZTopicListQuery>;

export type TTopicListPage = {
  /** Topics matching the search (before paging). */
  total: number;
  page: number;
  pageSize: number;
  items: TTopicSummary[];
};

/** Kafka int64 strings compare as bigints; missing values sort last either way. */
function compareNullableBigints(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const difference = BigInt(a) - BigInt(b);
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}

/**
 * One collator for every comparison: String#localeCompare orders the same way but sets up the
 * locale on each call, which made sorting 5,000 names a measurable part of the list's response.
 */
const byLocale = new Intl.Collator().compare;

const COMPARATORS: Record<TTopicSortColumn, (a: TTopicSummary, b: TTopicSummary) => number> = {
  name: (a, b) => byLocale(a.name, b.name),
  partitions: (a, b) => a.partitionCount - b.partitionCount,
  replicationFactor: (a, b) => a.replicationFactor - b.replicationFactor,
  underReplicated: (a, b) => a.underReplicatedPartitions - b.underReplicatedPartitions,
  messages: (a, b) => compareNullableBigints(a.messageCount, b.messageCount),
  // -1 (forever / unlimited) is the largest retention, not the smallest.
  retentionMs: (a, b) => compareNullableBigints(asUnbounded(a.retentionMs), asUnbounded(b.retentionMs)),
  retentionBytes: (a, b) => compareNullableBigints(asUnbounded(a.retentionBytes), asUnbounded(b.retentionBytes)),
  cleanupPolicy: (a, b) => byLocale(a.cleanupPolicy ?? "", b.cleanupPolicy ?? ""),
};

function asUnbounded(value: string | null): string | null {
  return value === "-1" ? "9223372036854775807" : value;
}

/** True when sorting needs offsets or configs of every matching topic, not only of one page. */
export function sortNeedsDetails(column: TTopicSortColumn): boolean {
  return !["name", "partitions", "replicationFactor", "underReplicated"].includes(column);
}

/** Filters by a case-insensitive substring, sorts (ties by name) and cuts one page. */
export function pageTopics(summaries: readonly TTopicSummary[], query: TTopicListQuery): TTopicListPage {
  const needle = query.search.toLowerCase();
  const matching = needle ? summaries.filter((topic) => topic.name.toLowerCase().includes(needle)) : [...summaries];
  const sign = query.direction === "asc" ? 1 : -1;
  const compare = COMPARATORS[query.sort];
  matching.sort((a, b) => sign * compare(a, b) || byLocale(a.name, b.name));
  const start = (query.page - 1) * query.pageSize;
  return {
    total: matching.length,
    page: query.page,
    pageSize: query.pageSize,
    items: matching.slice(start, start + query.pageSize),
  };
}
