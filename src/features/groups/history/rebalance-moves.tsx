import { ArrowRight } from "lucide-react";
import type { TRebalanceRecord } from "~/domain/groups/rebalance-record";
import { partitionMoves } from "~/domain/groups/rebalance-partitions";
import { cn } from "~/lib/cn";
import { MemberLabel } from "./member-label";

/** Every partition's owner before → after; moved partitions are highlighted and listed first in reading order. */
export function RebalanceMoves({ rebalance }: { rebalance: TRebalanceRecord }) {
  const rows = partitionMoves(rebalance.before, rebalance.after);
  const members = [...(rebalance.after ?? []), ...(rebalance.before ?? []), ...rebalance.left, ...rebalance.joined];
  if (rows.length === 0) {
    return <p className="text-muted text-sm">No partitions were assigned before or after.</p>;
  }
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Partition owners before and after this rebalance</caption>
      <thead className="text-muted text-left text-xs">
        <tr>
          <th scope="col" className="py-1 pr-3 font-medium">
            Partition
          </th>
          <th scope="col" className="py-1 pr-3 font-medium">
            Before
          </th>
          <th scope="col" className="sr-only">
            to
          </th>
          <th scope="col" className="py-1 font-medium">
            After
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={`${row.topic}-${row.partition}`}
            data-moved={row.moved ? "true" : undefined}
            className={cn("border-line border-t", row.moved && "bg-warn-soft")}
          >
            <td className="py-1 pr-3 font-mono text-xs">
              {row.topic} · {row.partition}
              {row.moved ? <span className="text-warn ml-2 font-sans text-xs font-medium">moved</span> : null}
            </td>
            <td className="py-1 pr-3">
              {rebalance.before === null ? (
                <span className="text-muted">not seen</span>
              ) : (
                <MemberLabel memberId={row.from} members={members} />
              )}
            </td>
            <td className="text-muted py-1 pr-3">
              <ArrowRight aria-hidden className="size-3.5" />
            </td>
            <td className="py-1">
              {rebalance.after === null ? (
                <span className="text-muted">in progress</span>
              ) : (
                <MemberLabel memberId={row.to} members={members} />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
