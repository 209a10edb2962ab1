import { Badge, type BadgeTone } from "~/components/ui/badge";
import type { TAuditRow } from "~/domain/audit/audit-filter";

const OUTCOME_TONE: Record<TAuditRow["outcome"], BadgeTone> = { ok: "ok", error: "danger", pending: "warn" };

/** Every value here came from a user or a client (names, targets, user agents): rendered as text only. */
export function AuditTable({ rows }: { rows: TAuditRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" aria-label="Audit log">
        <thead className="text-muted text-left text-xs uppercase">
          <tr>
            {["Time", "Actor", "Action", "Cluster", "Target", "Result", "IP", "User agent"].map((label) => (
              <th key={label} scope="col" className="px-3 py-2 font-medium">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <AuditTableRow key={row.id} row={row} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AuditTableRow({ row }: { row: TAuditRow }) {
  return (
    <tr className="border-line border-t align-top" data-testid="audit-row">
      <td className="px-3 py-2 whitespace-nowrap tabular-nums">
        <time dateTime={row.at} title={row.at}>
          {new Date(row.at).toLocaleString()}
        </time>
      </td>
      <td className="px-3 py-2">
        <div>{row.actorName}</div>
        <div className="text-muted text-xs">{row.actor}</div>
      </td>
      <td className="px-3 py-2 font-mono text-xs">{row.action}</td>
      <td className="px-3 py-2">{row.clusterName ?? (row.clusterId ? "(removed)" : "—")}</td>
      <td className="px-3 py-2 break-all">
        {row.target ?? "—"}
        {row.details ? (
          <details className="mt-1">
            <summary className="text-muted cursor-pointer text-xs">details</summary>
            <pre className="bg-surface-raised mt-1 max-w-md overflow-x-auto rounded p-2 text-xs whitespace-pre-wrap">
              {JSON.stringify(row.details, null, 2)}
            </pre>
          </details>
        ) : null}
      </td>
      <td className="px-3 py-2">
        <Badge tone={OUTCOME_TONE[row.outcome]}>{row.outcome === "pending" ? "not recorded" : row.outcome}</Badge>
        {row.reason ? <p className="text-muted mt-1 max-w-xs text-xs">{row.reason}</p> : null}
        {row.outcome === "pending" ? (
          <p className="text-muted mt-1 max-w-xs text-xs">
            Started, but its result was never written (the server stopped or the database went away meanwhile).
          </p>
        ) : null}
      </td>
      <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">{row.ip ?? "—"}</td>
      <td className="text-muted max-w-[16rem] truncate px-3 py-2 text-xs" title={row.userAgent ?? undefined}>
        {row.userAgent ?? "—"}
      </td>
    </tr>
  );
}
