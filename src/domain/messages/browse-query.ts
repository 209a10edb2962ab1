import { z } from "zod";
import type { TMessage } from "./message";

/**
 * What a browse asks for, and how it lives in the URL. A start is a position between records:
 * oldest-first pages read the records after it, newest-first pages the records before it.
 */

export const MAX_BROWSE_LIMIT = 500;
export const DEFAULT_BROWSE_LIMIT = 100;
export const BROWSE_LIMITS = [20, 50, 100, 200, 500] as const;

const ZOffset = z.string().regex(/^\d{1,19}$/, "An offset is a whole number of at most 19 digits.");

export const ZBrowseStart = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("earliest") }),
  z.object({ kind: z.literal("latest") }),
  z.object({ kind: z.literal("offset"), offset: ZOffset }),
  z.object({ kind: z.literal("timestamp"), timestamp: z.number().int().min(0).max(8.64e15) }),
]);
export type TBrowseStart = z.infer<typeof ZBrowseStart>;

export const BROWSE_ORDERS = ["oldest-first", "newest-first"] as const;
export type TBrowseOrder = (typeof BROWSE_ORDERS)[number];

/**
 * A page boundary: per partition, an offset. "after" reads records at or after each offset,
 * "before" reads records below it, so pages next to each other never skip or repeat a record.
 */
export const ZBrowseCursor = z.object({
  direction: z.enum(["after", "before"]),
  offsets: z.array(z.object({ partition: z.number().int().min(0), offset: ZOffset })).max(10_000),
});
export type TBrowseCursor = z.infer<typeof ZBrowseCursor>;

export const ZBrowsePartition = z.union([z.literal("all"), z.number().int().min(0).max(1_000_000)]);
export type TBrowsePartition = z.infer<typeof ZBrowsePartition>;

export const ZBrowseInput = z.object({
  clusterId: z.string().min(1),
  topic: z.string().min(1).max(249),
  partition: ZBrowsePartition.default("all"),
  start: ZBrowseStart.default({ kind: "latest" }),
  order: z.enum(BROWSE_ORDERS).default("newest-first"),
  limit: z.number().int().min(1).max(MAX_BROWSE_LIMIT).default(DEFAULT_BROWSE_LIMIT),
  /** When set, the page starts here instead of at `start`. */
  cursor: ZBrowseCursor.optional(),
});
export type TBrowseInput = z.input<typeof ZBrowseInput>;
export type TBrowseQuery = z.output<typeof ZBrowseInput>;

export type TPartitionWatermarks = { partition: number; low: string; high: string; isOffline: boolean };

export type TBrowsePage = {
  messages: TMessage[];
  /** Null when there is nothing older (every partition read down to its low watermark). */
  older: TBrowseCursor | null;
  /** Null when there is nothing newer yet (every partition read up to its high watermark). */
  newer: TBrowseCursor | null;
  watermarks: TPartitionWatermarks[];
  /** Sentences worth showing: offline partitions, a start offset moved into the log. */
  notes: string[];
};

// ---- URL ⇄ query ----------------------------------------------------------------------------

export type TBrowseUrlState = Pick<TBrowseQuery, "partition" | "start" | "order" | "limit" | "cursor">;

/** Reads the browse view's state from the query string; anything malformed falls back to defaults. */
export function parseBrowseParams(params: URLSearchParams): TBrowseUrlState {
  const partitionText = params.get("partition");
  const partition = partitionText !== null && /^\d{1,7}$/.test(partitionText) ? Number(partitionText) : "all";
  const start = parseStart(params);
  const orderText = params.get("order");
  const order = orderText === "oldest" ? "oldest-first" : orderText === "newest" ? "newest-first" : naturalOrder(start);
  const limitValue = Number(params.get("limit"));
  const limit =
    Number.isInteger(limitValue) && limitValue >= 1 && limitValue <= MAX_BROWSE_LIMIT
      ? limitValue
      : DEFAULT_BROWSE_LIMIT;
  return { partition, start, order, limit, cursor: parseCursor(params.get("cursor")) };
}

/**
 * The order a start suggests when none is given: the newest messages from "latest", otherwise the
 * messages from the start onwards (so a link to an offset shows that offset first).
 */
export function naturalOrder(start: TBrowseStart): TBrowseOrder {
  return start.kind === "latest" ? "newest-first" : "oldest-first";
}

function parseStart(params: URLSearchParams): TBrowseStart {
  switch (params.get("start")) {
    case "earliest":
      return { kind: "earliest" };
    case "offset": {
      const offset = ZOffset.safeParse(params.get("offset"));
      return offset.success ? { kind: "offset", offset: offset.data } : { kind: "earliest" };
    }
    case "time": {
      const timestamp = Date.parse(params.get("time") ?? "");
      return Number.isFinite(timestamp) && timestamp >= 0 ? { kind: "timestamp", timestamp } : { kind: "latest" };
    }
    default:
      return { kind: "latest" };
  }
}

/** The keys to set in the query string for a state; null removes a key. */
export function browseParams(state: TBrowseUrlState): Record<string, string | null> {
  const { start } = state;
  return {
    partition: state.partition === "all" ? "all" : String(state.partition),
    start: start.kind === "timestamp" ? "time" : start.kind,
    offset: start.kind === "offset" ? start.offset : null,
    time: start.kind === "timestamp" ? new Date(start.timestamp).toISOString() : null,
    order: state.order === "oldest-first" ? "oldest" : "newest",
    limit: String(state.limit),
    cursor: state.cursor ? serializeCursor(state.cursor) : null,
  };
}

/** "a.0-500.1-480": direction, then partition-offset pairs. Short, and safe in a URL unescaped. */
export function serializeCursor(cursor: TBrowseCursor): string {
  const pairs = cursor.offsets.map(({ partition, offset }) => `${partition}-${offset}`);
  return [cursor.direction === "after" ? "a" : "b", ...pairs].join(".");
}

export function parseCursor(text: string | null): TBrowseCursor | undefined {
  if (!text) return undefined;
  const [direction, ...pairs] = text.split(".");
  if (direction !== "a" && direction !== "b") return undefined;
  const offsets: TBrowseCursor["offsets"] = [];
  for (const pair of pairs) {
    const match = /^(\d{1,7})-(\d{1,19})$/.exec(pair);
    if (!match) return undefined;
    offsets.push({ partition: Number(match[1]), offset: match[2]! });
  }
  return { direction: direction === "a" ? "after" : "before", offsets };
}
