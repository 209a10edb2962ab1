import { ZTopicListQuery, type TTopicListQuery } from "~/domain/topics/topic-list-query";

/** The topic list's view without the cluster: what the page URL carries. */
export type TTopicListView = Omit<TTopicListQuery, "clusterId">;

const DEFAULTS: TTopicListView = {
  search: "",
  includeInternal: false,
  sort: "name",
  direction: "asc",
  page: 1,
  pageSize: 50,
};

type TReadableParams = { get(name: string): string | null };

/** Reads one field through the shared schema; a hand-edited bad value falls back to the default. */
function readField<K extends keyof TTopicListView>(key: K, raw: unknown): TTopicListView[K] {
  if (raw === null || raw === undefined) return DEFAULTS[key];
  const result = ZTopicListQuery.shape[key].safeParse(raw);
  return result.success ? (result.data as TTopicListView[K]) : DEFAULTS[key];
}

function readNumber(raw: string | null): number | null {
  return raw === null || raw.trim() === "" ? null : Number(raw);
}

/** `?q=orders&internal=1&sort=partitions&dir=desc&page=2&size=100` → the list's view. */
export function parseTopicListView(params: TReadableParams): TTopicListView {
  return {
    search: readField("search", params.get("q")),
    includeInternal: params.get("internal") === "1",
    sort: readField("sort", params.get("sort")),
    direction: readField("direction", params.get("dir")),
    page: readField("page", readNumber(params.get("page"))),
    pageSize: readField("pageSize", readNumber(params.get("size"))),
  };
}

/** The view as a query string, leaving out defaults so a plain list has a plain URL. */
export function topicListViewToSearch(view: TTopicListView): string {
  const params = new URLSearchParams();
  if (view.search !== DEFAULTS.search) params.set("q", view.search);
  if (view.includeInternal) params.set("internal", "1");
  if (view.sort !== DEFAULTS.sort) params.set("sort", view.sort);
  if (view.direction !== DEFAULTS.direction) params.set("dir", view.direction);
  if (view.page !== DEFAULTS.page) params.set("page", String(view.page));
  if (view.pageSize !== DEFAULTS.pageSize) params.set("size", String(view.pageSize));
  const search = params.toString();
  return search === "" ? "" : `?${search}`;
}
