import { ZGroupListQuery, type TGroupListQuery } from "~/domain/groups/group-list-query";
import { pagedListParams, parsePagedListView, toQueryString } from "~/lib/paged-list-url";

/** The group list's view without the cluster: what the page URL carries. */
export type TGroupListView = Omit<TGroupListQuery, "clusterId">;

const DEFAULTS: TGroupListView = { search: "", sort: "name", direction: "asc", page: 1, pageSize: 50 };

/** `?q=orders&sort=lag&dir=desc&page=2&size=100` → the list's view. */
export function parseGroupListView(params: { get(name: string): string | null }): TGroupListView {
  return parsePagedListView(params, ZGroupListQuery, DEFAULTS) as TGroupListView;
}

/** The view as a query string, leaving out defaults so a plain list has a plain URL. */
export function groupListViewToSearch(view: TGroupListView): string {
  return toQueryString(pagedListParams(view, DEFAULTS));
}
