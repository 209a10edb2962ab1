import { z } from "zod";

/**
 * A search over a topic's messages: what to look for, where (partitions and a range) and how much
 * to scan. The same shape is the tRPC input, the export's search parameters and — through
 * `searchQueryFromParams`/`searchQueryToParams` — the page's query string, so a link reproduces it.
 */

export const SEARCH_KINDS = ["text", "jsonata"] as const;
export type TSearchKind = (typeof SEARCH_KINDS)[number];

export const DEFAULT_MAX_MESSAGES = 1_000_000;
export const MAX_MAX_MESSAGES = 100_000_000;
export const DEFAULT_MAX_RESULTS = 500;
export const EXPORT_MAX_RESULTS = 100_000;
export const DEFAULT_MAX_SECONDS = 120;

const offsetText = z.string().regex(/^\d{1,19}$/, "An offset is a whole number.");

/** A bound of the range: an offset (in every chosen partition) or a time in milliseconds since the epoch. */
export const ZSearchBound = z.discriminatedUnion("type", [
  z.object({ type: z.literal("offset"), offset: offsetText }),
  z.object({ type: z.literal("time"), ms: z.number().int() }),
]);
export type TSearchBound = z.infer<typeof ZSearchBound>;

export const ZSearchQuery = z.object({
  /** null: every partition. */
  partition: z.number().int().nonnegative().nullable(),
  kind: z.enum(SEARCH_KINDS),
  /** Plain text (case-insensitive, in key, value and headers) or a JSONata predicate. */
  query: z.string().trim().min(1, "Enter something to search for.").max(10_000),
  /** Inclusive; null: the earliest offset. */
  from: ZSearchBound.nullable(),
  /** Inclusive; null: the latest offset when the search starts. */
  to: ZSearchBound.nullable(),
  maxMessages: z.number().int().min(1).max(MAX_MAX_MESSAGES),
  maxSeconds: z.number().int().min(1).max(3_600),
  maxResults: z.number().int().min(1).max(EXPORT_MAX_RESULTS),
});
export type TSearchQuery = z.infer<typeof ZSearchQuery>;

export const ZSearchInput = ZSearchQuery.extend({ clusterId: z.string().min(1), topic: z.string().min(1) });
export type TSearchInput = z.infer<typeof ZSearchInput>;

/** The query-string keys of the search view (browse and tail use others). */
export const SEARCH_PARAM_KEYS = ["q", "kind", "from", "to", "budget", "partition"] as const;

/** Reads a search from the query string; anything missing or malformed takes its default. */
export function searchQueryFromParams(params: URLSearchParams): TSearchQuery {
  const kind = SEARCH_KINDS.find((candidate) => candidate === params.get("kind")) ?? "text";
  const partition = /^\d+$/.test(params.get("partition") ?? "") ? Number(params.get("partition")) : null;
  const budget = Number(params.get("budget"));
  return {
    partition,
    kind,
    query: params.get("q") ?? "",
    from: parseBound(params.get("from")),
    to: parseBound(params.get("to")),
    maxMessages: Number.isInteger(budget) && budget >= 1 && budget <= MAX_MAX_MESSAGES ? budget : DEFAULT_MAX_MESSAGES,
    maxSeconds: DEFAULT_MAX_SECONDS,
    maxResults: DEFAULT_MAX_RESULTS,
  };
}

/** The query-string changes for a search (null deletes a key), defaults left out so links stay short. */
export function searchQueryToParams(query: TSearchQuery): Record<string, string | null> {
  return {
    q: query.query === "" ? null : query.query,
    kind: query.kind,
    from: formatBound(query.from),
    to: formatBound(query.to),
    budget: query.maxMessages === DEFAULT_MAX_MESSAGES ? null : String(query.maxMessages),
    partition: query.partition === null ? "all" : String(query.partition),
  };
}

/** "1234" is an offset; an ISO date-time ("2026-11-22T01:00:00.000Z") is a time. */
export function parseBound(text: string | null): TSearchBound | null {
  const trimmed = text?.trim() ?? "";
  if (trimmed === "") return null;
  if (/^\d{1,19}$/.test(trimmed)) return { type: "offset", offset: trimmed };
  if (!/^\d{4}-\d{2}-\d{2}/.test(trimmed)) return null;
  const ms = Date.parse(trimmed);
  return Number.isNaN(ms) ? null : { type: "time", ms };
}

export function formatBound(bound: TSearchBound | null): string | null {
  if (bound === null) return null;
  return bound.type === "offset" ? bound.offset : new Date(bound.ms).toISOString();
}

/** How far a search has come in one partition. Offsets travel as strings. */
export type TSearchPartitionProgress = {
  partition: number;
  /** The range scanned: [start, end). */
  start: string;
  end: string;
  /** The next offset to read. */
  position: string;
  scanned: number;
};

/** The figures every search event carries. */
export type TSearchProgress = {
  partitions: TSearchPartitionProgress[];
  scanned: number;
  matches: number;
  elapsedMs: number;
};

/**
 * A search streams `progress` events (at most twice a second) carrying the matches found since the
 * previous event, then one `done` event: complete, or partial with the reason as a sentence.
 */
export type TSearchEvent<TMatch> =
  | ({ type: "progress"; newMatches: TMatch[] } & TSearchProgress)
  | ({ type: "done"; newMatches: TMatch[]; status: "complete" | "partial"; sentence: string } & TSearchProgress);
