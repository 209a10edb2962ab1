"use client";

import { ArrowDown, ArrowUp } from "lucide-react";
import type { TWorkerStatusDto } from "~/domain/workers";
import { formatCount, formatDuration } from "~/lib/format";
import { sortWorkers, type TWorkerSort, type TWorkerSortKey } from "./worker-sort";
import { WorkerStateBadge } from "./worker-state-badge";

const COLUMNS: { label: string; sortKey?: TWorkerSortKey }[] = [
  { label: "Work", sortKey: "name" },
  { label: "State", sortKey: "state" },
  { label: "Where", sortKey: "holder" },
  { label: "Passes" },
  { label: "Last pass", sortKey: "lastPassAt" },
  { label: "Last error" },
];

type TWorkerTableProps = {
  rows: readonly TWorkerStatusDto[];
  sort: TWorkerSort;
  onSort: (sort: TWorkerSort) => void;
  /** The time the list was read, so "3 s ago" does not drift between refreshes. */
  now: number;
};

/** Names, descriptions and errors come from the server's own jobs and runners' reports: rendered as text. */
export function WorkerTable({ rows, sort, onSort, now }: TWorkerTableProps) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" aria-label="Background work">
        <thead className="text-muted text-left text-xs uppercase">
          <tr>
            {COLUMNS.map(({ label, sortKey }) => (
              <th
                key={label}
                scope="col"
                className="px-3 py-2 font-medium"
                aria-sort={sortKey && sort.key === sortKey ? (sort.descending ? "descending" : "ascending") : undefined}
              >
                {sortKey ? (
                  <button
                    type="button"
                    className="hover:text-ink inline-flex items-center gap-1 uppercase"
                    onClick={() =>
                      onSort({ key: sortKey, descending: sort.key === sortKey ? !sort.descending : false })
                    }
                  >
                    {label}
                    {sort.key === sortKey ? (
                      sort.descending ? (
                        <ArrowDown aria-hidden className="size-3" />
                      ) : (
                        <ArrowUp aria-hidden className="size-3" />
                      )
                    ) : null}
                  </button>
                ) : (
                  label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sortWorkers(rows, sort).map((row) => (
            <WorkerRow key={`${row.processKind}:${row.holder ?? ""}:${row.name}`} row={row} now={now} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function WorkerRow({ row, now }: { row: TWorkerStatusDto; now: number }) {
  return (
    <tr className="border-line border-t align-top" data-testid="worker-row">
      <td className="px-3 py-2">
        <div className="font-mono text-xs break-all">{row.name}</div>
        <div className="text-muted mt-0.5 max-w-lg text-xs">{row.description}</div>
      </td>
      <td className="px-3 py-2">
        <WorkerStateBadge state={row.state} hasError={row.lastError !== null} />
      </td>
      <td className="px-3 py-2 whitespace-nowrap">
        <div className="font-mono text-xs">{row.holder ?? "—"}</div>
        <div className="text-muted text-xs">
          {row.processKind === "runner" ? "runner" : "web server"} ·{" "}
          {row.scope === "one-server" ? "one server at a time" : "every server"}
        </div>
      </td>
      <td className="px-3 py-2 text-right tabular-nums">{formatCount(row.passes)}</td>
      <td className="px-3 py-2 whitespace-nowrap tabular-nums">
        {row.lastPassAt ? (
          <time dateTime={row.lastPassAt.toISOString()} title={row.lastPassAt.toLocaleString()}>
            {formatDuration(now - row.lastPassAt.getTime())} ago
          </time>
        ) : (
          "—"
        )}
      </td>
      <td className="text-danger max-w-sm px-3 py-2 text-xs break-words">{row.lastError ?? ""}</td>
    </tr>
  );
}
