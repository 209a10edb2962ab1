import { ZGroupListQuery, type TGroupListQuery } from "~/domain/groups/group-list-query";

/** The group list's view without the cluster: what the page URL carries. */
export type TGroupListView = Omit<TGroupListQuery, "clusterId">;

const DEFAULTS: TGroupListView = { search: "", sort: "name", direction: "asc", page: 1, pageSize: 50 };

type TReadableParams = { get(name: string): string | null };

/** Reads one field through the shared schema; a hand-edited bad value falls back to the default. */
function readField<K extends keyof TGroupListView>(key: K, raw: unknown): TGroupListView[K] {
  if (raw === null || raw === undefined) return DEFAULTS[key];
  const result = ZGroupListQuery.shape[key].safeParse(raw);
  return result.success ? (result.data as TGroupListView[K]) : DEFAULTS[key];
}

function readNumber(raw: string | null): number | null {
  return raw === null || raw.trim() === "" ? null : Number(raw);
}

/** `?q=orders&sort=lag&dir=desc&page=2&size=100` → the list's view. */
export function parseGroupListView(params: TReadableParams): TGroupListView {
  return {
    search: readField("search", params.get("q")),
    sort: readField("sort", params.get("sort")),
    direction: readField("direction", params.get("dir")),
    page: readField("page", readNumber(params.get("page"))),
    pageSize: readField("pageSize", readNumber(params.get("size"))),
  };
}

/** The view as a query string, leaving out defaults so a plain list has a plain URL. */
export function groupListViewToSearch(view: TGroupListView): string {
  const params = new URLSearchParams();
  if (view.search !== DEFAULTS.search) params.set("q", view.search);
  if (view.sort !== DEFAULTS.sort) params.set("sort", view.sort);
  if (view.direction !== DEFAULTS.direction) params.set("dir", view.direction);
  if (view.page !== DEFAULTS.page) params.set("page", String(view.page));
  if (view.pageSize !== DEFAULTS.pageSize) params.set("size", String(view.pageSize));
  const search = params.toString();
  return search === "" ? "" : `?${search}`;
}
