import "server-only";
import { env } from "~/env";
import {
  AUDIT_EXPORT_MAX_ROWS,
  type TAuditExportFormat,
  type TAuditFilter,
  type TAuditListInput,
  type TAuditPage,
  type TAuditRow,
} from "~/domain/audit/audit-filter";
import { findAuditRows } from "~/server/db/audit-log";
import { recordRead, type TAuditActor } from "./audited";
import { writeAuditRows } from "./audit-export-writers";

/** One page of the audit log, newest first, and the retention the page states. */
export async function listAuditLog(input: TAuditListInput): Promise<TAuditPage> {
  // One more than asked tells whether an older page exists without counting the table.
  const rows = await findAuditRows(input.filter, { before: input.before, take: input.limit + 1 });
  const page = rows.slice(0, input.limit);
  return {
    rows: page,
    nextBefore: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
    retentionDays: env.AUDIT_RETENTION_DAYS,
  };
}

export type TAuditExport = {
  filename: string;
  contentType: string;
  body: string;
  rowCount: number;
  /** True when the filter matched more than AUDIT_EXPORT_MAX_ROWS: the export holds the newest ones. */
  isTruncated: boolean;
};

const BATCH = 5_000;

/**
 * The filtered log as one file (CSV or JSON lines), newest first, read in batches. Exporting the
 * log is itself written to the log: who took a copy of it, with which filter.
 */
export async function exportAuditLog(
  by: TAuditActor,
  filter: TAuditFilter,
  format: TAuditExportFormat,
): Promise<TAuditExport> {
  const rows: TAuditRow[] = [];
  let before: string | undefined;
  let isTruncated = false;
  for (;;) {
    const batch = await findAuditRows(filter, { before, take: BATCH });
    rows.push(...batch);
    if (rows.length > AUDIT_EXPORT_MAX_ROWS) {
      rows.length = AUDIT_EXPORT_MAX_ROWS;
      isTruncated = true;
      break;
    }
    if (batch.length < BATCH) break;
    before = batch.at(-1)!.id;
  }
  await recordRead({
    by,
    action: "audit.export",
    clusterId: filter.clusterId ?? null,
    target: null,
    details: { format, filter, rows: rows.length, isTruncated },
  });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return {
    filename: `tributary-audit-${stamp}.${format}`,
    contentType: format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
    body: writeAuditRows(format, rows),
    rowCount: rows.length,
    isTruncated,
  };
}
