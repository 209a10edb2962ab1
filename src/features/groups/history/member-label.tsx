import type { TGroupMember } from "~/domain/groups/group-dto";
import type { TRebalanceMember } from "~/domain/groups/rebalance-diff";

/** The last characters of a member id tell kafkajs/Java members apart; the full id is in the title. */
function shortId(memberId: string): string {
  return memberId.length > 12 ? `…${memberId.slice(-8)}` : memberId;
}

/** A member as people recognise it: client id, then a short member id. Text only (ids come from clients). */
export function MemberLabel({
  memberId,
  members,
}: {
  memberId: string | null;
  members: (TGroupMember | TRebalanceMember)[];
}) {
  if (memberId === null) return <span className="text-muted">unassigned</span>;
  const member = members.find((candidate) => candidate.memberId === memberId);
  return (
    <span title={member ? `${memberId} on ${member.host}` : memberId} className="font-mono text-xs">
      {member ? `${member.clientId} ` : null}
      <span className="text-muted">{shortId(memberId)}</span>
    </span>
  );
}
