import Link from "next/link";
import type { TGroupSummary } from "~/domain/groups/group-dto";
import { formatCount } from "~/lib/format";
import { GroupStateBadge, GroupTypeBadge } from "./group-badges";
import { LagCount, TimeLag } from "./group-lag-cells";

const CELL = "px-3 py-2.5 first:pl-5 last:pr-5";
const NUMBER_CELL = `${CELL} text-right tabular-nums`;
/** More topics than this are summarised as "+N more" to keep rows one line high. */
const TOPICS_SHOWN = 3;

export function groupHref(clusterId: string, groupId: string): string {
  return `/clusters/${encodeURIComponent(clusterId)}/groups/${encodeURIComponent(groupId)}`;
}

export function GroupRow({ clusterId, group }: { clusterId: string; group: TGroupSummary }) {
  const shown = group.topics.slice(0, TOPICS_SHOWN);
  const more = group.topics.length - shown.length;
  return (
    <tr className="border-line hover:bg-surface-raised/50 border-t" data-testid="group-row" data-group={group.groupId}>
      <th scope="row" className={`${CELL} max-w-md text-left font-normal`}>
        <Link href={groupHref(clusterId, group.groupId)} className="text-accent break-all hover:underline">
          {group.groupId}
        </Link>
      </th>
      <td className={CELL} data-column="state">
        <GroupStateBadge group={group} />
      </td>
      <td className={CELL} data-column="type">
        <GroupTypeBadge group={group} />
      </td>
      <td className={NUMBER_CELL} data-column="members">
        {group.memberCount === null ? (
          <span
            className="text-muted"
            title={
              group.type === "consumer"
                ? "The broker did not describe the members of this KIP-848 group"
                : `Tributary does not show the members of ${group.type} groups yet`
            }
          >
            —
          </span>
        ) : (
          formatCount(group.memberCount)
        )}
      </td>
      <td className={`${CELL} text-muted`} data-column="topics">
        {shown.length === 0 ? "no committed offsets" : shown.join(", ")}
        {more > 0 ? ` +${more} more` : null}
      </td>
      <td className={NUMBER_CELL} data-column="lag">
        <LagCount lag={group.totalLag} unknownReason="No committed offset with a known log-end offset" />
      </td>
      <td className={NUMBER_CELL} data-column="timeLag">
        <TimeLag timeLagMs={group.timeLagMs} lag={group.totalLag} />
      </td>
    </tr>
  );
}
