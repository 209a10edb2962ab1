/**
 * The inspector's fields address the config by dot paths (`window.sizeMs`, `routes.0.name`), as
 * the kind specs name them; these read and write such a path without mutating, and match zod
 * issues to the field they belong under.
 */

export type TIssue = { path: string; message: string };

const segments = (path: string): string[] => (path === "" ? [] : path.split("."));

export function getAt(value: unknown, path: string): unknown {
  let current = value;
  for (const segment of segments(path)) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** A copy of `value` with `path` set; arrays stay arrays, missing objects are created. */
export function setAt(value: unknown, path: string, next: unknown): unknown {
  const [head, ...rest] = segments(path);
  if (head === undefined) return next;
  const inner = setAt(getAt(value, head), rest.join("."), next);
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[Number(head)] = inner;
    return copy;
  }
  const base = value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};
  return { ...base, [head]: inner };
}

/** `a.b` joined under a list item's prefix (`routes.0` + `name` → `routes.0.name`). */
export const joinPath = (prefix: string, path: string): string => (prefix ? `${prefix}.${path}` : path);

/** Zod issue paths as dot paths. */
export function toIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): TIssue[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

/** The sentences for one field: issues at its path or inside it (a list's items). */
export function issuesAt(issues: readonly TIssue[], path: string): string[] {
  return issues
    .filter((issue) => issue.path === path || issue.path.startsWith(`${path}.`))
    .map((issue) => issue.message);
}

/** Issues that belong to no shown field (e.g. a rule across fields), so none is silently dropped. */
export function unplacedIssues(issues: readonly TIssue[], fieldPaths: readonly string[]): TIssue[] {
  return issues.filter((issue) => !fieldPaths.some((path) => issue.path === path || issue.path.startsWith(`${path}.`)));
}
