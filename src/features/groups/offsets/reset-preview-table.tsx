import type { TOffsetResetRow } from "~/domain/groups/offset-reset";
import { cn } from "~/lib/cn";

/** Per partition: the committed offset before and where the reset puts it (or put it), with notes on clamping. */
export function ResetPreviewTable({ rows, afterLabel }: { rows: TOffsetResetRow[]; afterLabel: string }) {
  return (
    <div className="border-line max-h-72 overflow-auto rounded-md border">
      <table className="w-full text-sm tabular-nums">
        <thead className="bg-surface-raised text-muted sticky top-0 text-left text-xs">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Partition
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Offsets held
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Before
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {afterLabel}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.partition} className="border-line border-t align-top" data-partition={row.partition}>
              <td className="px-3 py-1.5">{row.partition}</td>
              <td className="text-muted px-3 py-1.5 font-mono text-xs">
                {row.low} – {row.high}
              </td>
              <td className="px-3 py-1.5 text-right font-mono">
                {row.before ?? <span className="text-muted">none</span>}
              </td>
              <td className="px-3 py-1.5 text-right font-mono">
                <span className={cn(row.before !== row.after && "text-accent font-semibold")} data-testid="after">
                  {row.after}
                </span>
                {row.note ? <p className="text-warn mt-0.5 text-left font-sans text-xs">{row.note}</p> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
