import { z } from "zod";

/** Rows per page of the audit log. */
export const AUDIT_PAGE_SIZE = 50;
/** Most rows one export writes; a larger log is exported in narrower time ranges. */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;

const ZText = z.string().trim().max(200).optional();
const ZInstant = z.iso.datetime({ offset: true, error: "expected a date and time, e.g. 2026-12-02T10:00:00Z" });

/**
 * What the audit page filters by; every field is optional and lives in the page's query string.
 * Actor, action and target match any part, case-insensitively; the time range is [from, to).
 */
export const ZAuditFilter = z
  .object({
    actor: ZText,
    action: ZText,
    clusterId: z.string().trim().max(64).optional(),
    target: ZText,
    outcome: z.enum(["pending", "ok", "error"]).optional(),
    from: ZInstant.optional(),
    to: ZInstant.optional(),
  })
  .refine((filter) => !filter.from || !filter.to || Date.parse(filter.from) < Date.parse(filter.to), {
    message: "The time range ends before it starts.",
    path: ["to"],
  });
export type TAuditFilter = z.infer<typeof ZAuditFilter>;

export const ZAuditListInput = z.object({
  filter: ZAuditFilter.default({}),
  /** The id of the last row of the previous page (ids grow with time, so "older than" is "smaller than"). */
  before: z
    .string()
    .regex(/^\d{1,19}$/)
    .optional(),
  limit: z.number().int().min(1).max(500).default(AUDIT_PAGE_SIZE),
});
export type TAuditListInput = z.infer<typeof ZAuditListInput>;

export const AUDIT_EXPORT_FORMATS = ["csv", "jsonl"] as const;
export type TAuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

/** One audit row as the page and the exports show it. */
export type TAuditRow = {
  id: string;
  at: string;
  completedAt: string | null;
  actor: string;
  actorName: string;
  action: string;
  clusterId: string | null;
  clusterName: string | null;
  target: string | null;
  outcome: "pending" | "ok" | "error";
  reason: string | null;
  ip: string | null;
  userAgent: string | null;
  details: unknown;
};

export type TAuditPage = {
  rows: TAuditRow[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: string | null;
  retentionDays: number;
};

/** The filter's keys as the page's query string holds them. */
export const AUDIT_FILTER_KEYS = ["actor", "action", "clusterId", "target", "outcome", "from", "to"] as const;

/** Reads the filter from a query string, dropping empty and invalid values rather than failing the page. */
export function auditFilterFromParams(params: URLSearchParams): TAuditFilter {
  const filter: Record<string, string> = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value && ZAuditFilter.safeParse({ [key]: value }).success) filter[key] = value;
  }
  const parsed = ZAuditFilter.safeParse(filter);
  // Only a reversed time range fails the whole: keep its start, drop its end.
  return parsed.success ? parsed.data : ZAuditFilter.parse({ ...filter, to: undefined });
}
