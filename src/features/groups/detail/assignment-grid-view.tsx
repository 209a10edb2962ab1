import { Banner } from "~/components/ui/banner";
import type { TAssignmentGrid } from "~/domain/groups/assignment-grid";
import { cn } from "~/lib/cn";

/** Member ids are long; the client id plus the id's last characters tell members apart. */
function shortLabel(clientId: string, memberId: string): string {
  return `${clientId} …${memberId.slice(-6)}`;
}

/** Partitions (rows) × members (columns): a dot where the member reads the partition; idle columns stand out. */
export function AssignmentGridView({ grid }: { grid: TAssignmentGrid }) {
  return (
    <div className="space-y-3">
      {grid.idleExplanation ? <Banner tone="warn" title={grid.idleExplanation} /> : null}
      <div className="overflow-x-auto">
        <table className="text-sm" aria-label="Assignment grid" data-testid="assignment-grid">
          <thead className="text-muted text-xs">
            <tr>
              <th scope="col" className="px-3 py-2 text-left font-medium uppercase first:pl-5">
                Partition
              </th>
              {grid.members.map((member) => (
                <th
                  key={member.memberId}
                  scope="col"
                  title={member.memberId}
                  data-idle={member.isIdle ? "true" : "false"}
                  className={cn(
                    "px-3 py-2 text-center font-medium whitespace-nowrap",
                    member.isIdle && "bg-warn-soft text-warn",
                  )}
                >
                  {shortLabel(member.clientId, member.memberId)}
                  {member.isIdle ? <span className="block">idle</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((row) => (
              <tr key={`${row.topic}-${row.partition}`} className="border-line border-t">
                <th scope="row" className="px-3 py-1.5 text-left font-normal whitespace-nowrap first:pl-5">
                  {row.topic} <span className="text-muted">#{row.partition}</span>
                  {row.memberId === null ? <span className="text-warn ml-2 text-xs">unassigned</span> : null}
                </th>
                {grid.members.map((member) => {
                  const isOwner = row.memberId === member.memberId;
                  return (
                    <td
                      key={member.memberId}
                      className={cn("px-3 py-1.5 text-center", member.isIdle && "bg-warn-soft/60")}
                      aria-label={isOwner ? `read by ${member.clientId}` : undefined}
                    >
                      {isOwner ? <span aria-hidden className="bg-accent inline-block size-3 rounded-full" /> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
