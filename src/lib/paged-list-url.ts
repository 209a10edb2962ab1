import type { z } from "zod";

/**
 * The URL form of a searchable, sortable, paged list (topics, consumer groups):
 * `?q=orders&sort=lag&dir=desc&page=2&size=100`. Each value is read through the list's own zod
 * schema, so a hand-edited bad value falls back to the default; defaults are left out of the URL
 * so a plain list has a plain URL.
 */
export type TPagedListView = {
  search: string;
  sort: string;
  direction: "asc" | "desc";
  page: number;
  pageSize: number;
};

type TReadableParams = { get(name: string): string | null };

/** The URL key of each field. */
const KEYS = { search: "q", sort: "sort", direction: "dir", page: "page", pageSize: "size" } as const;
const NUMERIC = new Set<keyof TPagedListView>(["page", "pageSize"]);

export function parsePagedListView<TView extends TPagedListView>(
  params: TReadableParams,
  schema: z.ZodObject<{ [K in keyof TPagedListView]: z.ZodType }>,
  defaults: TView,
): TPagedListView & Pick<TView, keyof TPagedListView> {
  const view = {} as Record<keyof TPagedListView, unknown>;
  for (const key of Object.keys(KEYS) as (keyof TPagedListView)[]) {
    const text = params.get(KEYS[key]);
    const raw = NUMERIC.has(key) ? (text === null || text.trim() === "" ? null : Number(text)) : text;
    const result = raw === null ? null : schema.shape[key].safeParse(raw);
    view[key] = result?.success ? result.data : defaults[key];
  }
  return view as TPagedListView & Pick<TView, keyof TPagedListView>;
}

/** The fields that differ from the defaults, as URL parameters (append list-specific ones after). */
export function pagedListParams(view: TPagedListView, defaults: TPagedListView): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(KEYS) as (keyof TPagedListView)[]) {
    if (view[key] !== defaults[key]) params.set(KEYS[key], String(view[key]));
  }
  return params;
}

/** `?a=1` or "" for no parameters. */
export function toQueryString(params: URLSearchParams): string {
  const search = params.toString();
  return search === "" ? "" : `?${search}`;
}
