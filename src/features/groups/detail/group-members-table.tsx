import type { TGroupMember } from "~/domain/groups/group-dto";
import { Badge } from "~/components/ui/badge";
import { isDemoClientId } from "~/domain/playground/demo-members";

const CELL = "px-3 py-2 first:pl-5 last:pr-5 align-top";

function assignedText(member: TGroupMember): string {
  const parts = member.assignment
    .filter(({ partitions }) => partitions.length > 0)
    .map(({ topic, partitions }) => `${topic} [${partitions.join(", ")}]`);
  return parts.join("; ");
}

/** Members with their client id, host and partitions; idle ones are marked. */
export function GroupMembersTable({ members }: { members: TGroupMember[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" aria-label="Members">
        <thead className="text-muted text-left text-xs uppercase">
          <tr>
            <th scope="col" className={`${CELL} font-medium`}>
              Member id
            </th>
            <th scope="col" className={`${CELL} font-medium`}>
              Client id
            </th>
            <th scope="col" className={`${CELL} font-medium`}>
              Host
            </th>
            <th scope="col" className={`${CELL} font-medium`}>
              Partitions
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => {
            const assigned = assignedText(member);
            return (
              <tr key={member.memberId} className="border-line border-t" data-testid="group-member">
                <th scope="row" className={`${CELL} text-left font-mono text-xs font-normal break-all`}>
                  {member.memberId}
                </th>
                <td className={CELL}>
                  {member.clientId}
                  {isDemoClientId(member.clientId) ? (
                    <span className="ml-2" title="A demo member run by Tributary's playground">
                      <Badge tone="accent">demo</Badge>
                    </span>
                  ) : null}
                </td>
                <td className={`${CELL} font-mono text-xs`}>{member.host}</td>
                <td className={CELL}>{assigned === "" ? <Badge tone="warn">idle</Badge> : assigned}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
