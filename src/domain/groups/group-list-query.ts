import { z } from "zod";
import type { TGroupSummary } from "./group-dto";

/** Columns the group list sorts by. Only "name" can page before describing; the rest need every group's details. */
export const GROUP_SORT_COLUMNS = ["name", "state", "members", "lag", "timeLag"] as const;
export type TGroupSortColumn = (typeof GROUP_SORT_COLUMNS)[number];

export const GROUP_PAGE_SIZES = [25, 50, 100] as const;

/** The group list's query; every field also lives in the page URL (q, sort, dir, page, size). */
export const ZGroupListQuery = z.object({
  clusterId: z.string().min(1),
  search: z.string().trim().max(249).default(""),
  sort: z.enum(GROUP_SORT_COLUMNS).default("name"),
  direction: z.enum(["asc", "desc"]).default("asc"),
  page: z.number().int().min(1).default(1),
  pageSize: z.union(GROUP_PAGE_SIZES.map((size) => z.literal(size))).default(50),
});
export type TGroupListQuery = z.infer<typeof ZGroupListQuery>;

export type TGroupListPage = {
  /** Groups matching the search (before paging). */
  total: number;
  page: number;
  pageSize: number;
  items: TGroupSummary[];
};

export function sortNeedsDetails(column: TGroupSortColumn): boolean {
  return column !== "name";
}

type TSortValue = string | number | bigint | null;

const SORT_VALUES: Record<TGroupSortColumn, (group: TGroupSummary) => TSortValue> = {
  name: (group) => group.groupId,
  state: (group) => group.state,
  members: (group) => group.memberCount,
  lag: (group) => (group.totalLag === null ? null : BigInt(group.totalLag)),
  timeLag: (group) => group.timeLagMs,
};

/** Unknown values (null) sort last in either direction. */
function compareValues(a: TSortValue, b: TSortValue, sign: number): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === "string" && typeof b === "string") return sign * a.localeCompare(b);
  return a < b ? -sign : a > b ? sign : 0;
}

/** Group ids matching the search, case-insensitively. */
export function filterGroupIds(groupIds: readonly string[], search: string): string[] {
  const needle = search.toLowerCase();
  return needle ? groupIds.filter((id) => id.toLowerCase().includes(needle)) : [...groupIds];
}

/** Sorts (ties by name) and cuts one page. */
export function pageGroups(
  summaries: readonly TGroupSummary[],
  query: Pick<TGroupListQuery, "sort" | "direction" | "page" | "pageSize">,
): TGroupSummary[] {
  const sign = query.direction === "asc" ? 1 : -1;
  const value = SORT_VALUES[query.sort];
  const sorted = [...summaries].sort(
    (a, b) => compareValues(value(a), value(b), sign) || a.groupId.localeCompare(b.groupId),
  );
  const start = (query.page - 1) * query.pageSize;
  return sorted.slice(start, start + query.pageSize);
}

/** Group ids of one page when sorting by name: the cheap path that describes only that page. */
export function pageGroupIdsByName(
  groupIds: readonly string[],
  query: Pick<TGroupListQuery, "direction" | "page" | "pageSize">,
): string[] {
  const sign = query.direction === "asc" ? 1 : -1;
  const sorted = [...groupIds].sort((a, b) => sign * a.localeCompare(b));
  const start = (query.page - 1) * query.pageSize;
  return sorted.slice(start, start + query.pageSize);
}
