import { ZTopicListQuery, type TTopicListQuery } from "~/domain/topics/topic-list-query";
import { pagedListParams, parsePagedListView, toQueryString } from "~/lib/paged-list-url";

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

/** `?q=orders&internal=1&sort=partitions&dir=desc&page=2&size=100` → the list's view. */
export function parseTopicListView(params: { get(name: string): string | null }): TTopicListView {
  const view = parsePagedListView(params, ZTopicListQuery, DEFAULTS) as Omit<TTopicListView, "includeInternal">;
  return { ...view, includeInternal: params.get("internal") === "1" };
}

/** The view as a query string, leaving out defaults so a plain list has a plain URL. */
export function topicListViewToSearch(view: TTopicListView): string {
  const params = pagedListParams(view, DEFAULTS);
  if (view.includeInternal) params.set("internal", "1");
  return toQueryString(params);
}
