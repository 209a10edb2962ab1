import { AUDIT_FILTER_KEYS, auditFilterFromParams, type TAuditFilter } from "~/domain/audit/audit-filter";

/** The audit page's state, all of it in the query string so a link reproduces the view. */
export type TAuditView = { filter: TAuditFilter; before: string | null };

export function parseAuditView(params: URLSearchParams): TAuditView {
  const before = params.get("before");
  return { filter: auditFilterFromParams(params), before: before && /^\d{1,19}$/.test(before) ? before : null };
}

export function auditViewToSearch(view: TAuditView): string {
  const params = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) {
    const value = view.filter[key];
    if (value) params.set(key, value);
  }
  if (view.before) params.set("before", view.before);
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** `<input type="datetime-local">` speaks local time without a zone; the URL keeps UTC instants. */
export function localInputToInstant(value: string): string | undefined {
  if (!value) return undefined;
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

export function instantToLocalInput(instant: string | undefined): string {
  if (!instant) return "";
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
