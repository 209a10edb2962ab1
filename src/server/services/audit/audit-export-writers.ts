import "server-only";
import type { TAuditExportFormat, TAuditRow } from "~/domain/audit/audit-filter";
import { csvText } from "../messages/search/export-writers";

export const AUDIT_CSV_HEADER =
  "id,at,completed_at,actor,actor_name,action,cluster_id,cluster_name,target,outcome,reason,ip,user_agent,details\r\n";

/**
 * One audit row as a CSV line. Every text cell goes through csvText: targets, user agents and
 * actor names come from users and clients, so a spreadsheet must not run them as formulas.
 */
export function toAuditCsvRow(row: TAuditRow): string {
  const cells = [
    row.id,
    row.at,
    row.completedAt ?? "",
    csvText(row.actor),
    csvText(row.actorName),
    csvText(row.action),
    row.clusterId ?? "",
    csvText(row.clusterName),
    csvText(row.target),
    row.outcome,
    csvText(row.reason),
    csvText(row.ip),
    csvText(row.userAgent),
    row.details === null ? "" : csvText(JSON.stringify(row.details)),
  ];
  return `${cells.join(",")}\r\n`;
}

/** One JSON object per line, the row as the page shows it. */
export function toAuditJsonLine(row: TAuditRow): string {
  return `${JSON.stringify(row)}\n`;
}

export function writeAuditRows(format: TAuditExportFormat, rows: readonly TAuditRow[]): string {
  if (format === "jsonl") return rows.map(toAuditJsonLine).join("");
  return AUDIT_CSV_HEADER + rows.map(toAuditCsvRow).join("");
}
