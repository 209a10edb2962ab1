import { describe, expect, it } from "vitest";
import { groupListViewToSearch, parseGroupListView } from "./group-list-url";

describe("group list URL", () => {
  it("reads search, sort, direction, page and size from the URL", () => {
    const view = parseGroupListView(new URLSearchParams("q=orders&sort=lag&dir=desc&page=3&size=100"));
    expect(view).toEqual({ search: "orders", sort: "lag", direction: "desc", page: 3, pageSize: 100 });
  });

  it("falls back to the defaults for hand-edited nonsense", () => {
    const view = parseGroupListView(new URLSearchParams("sort=colour&dir=up&page=-2&size=7"));
    expect(view).toEqual({ search: "", sort: "name", direction: "asc", page: 1, pageSize: 50 });
  });

  it("leaves defaults out of the URL and round-trips the rest", () => {
    expect(groupListViewToSearch(parseGroupListView(new URLSearchParams()))).toBe("");
    const search = "?q=pay&sort=timeLag&dir=desc&page=2&size=25";
    expect(groupListViewToSearch(parseGroupListView(new URLSearchParams(search)))).toBe(search);
  });
});
