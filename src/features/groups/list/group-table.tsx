import type { TGroupSummary } from "~/domain/groups/group-dto";
import type { TGroupSortColumn } from "~/domain/groups/group-list-query";
import { GroupRow } from "./group-row";
import { GroupSortHeader } from "./group-sort-header";

type GroupTableProps = {
  clusterId: string;
  groups: TGroupSummary[];
  sort: TGroupSortColumn;
  direction: "asc" | "desc";
  onSort: (column: TGroupSortColumn, direction: "asc" | "desc") => void;
};

export function GroupTable({ clusterId, groups, sort, direction, onSort }: GroupTableProps) {
  const header = { sort, direction, onSort };
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <thead className="text-muted text-left text-xs">
          <tr>
            <GroupSortHeader column="name" label="Group" {...header} />
            <GroupSortHeader column="state" label="State" {...header} />
            <th scope="col" className="px-3 py-2 font-medium uppercase">
              Type
            </th>
            <GroupSortHeader column="members" label="Members" numeric {...header} />
            <th scope="col" className="px-3 py-2 font-medium uppercase">
              Topics
            </th>
            <GroupSortHeader column="lag" label="Lag" numeric {...header} />
            <GroupSortHeader column="timeLag" label="Time lag" numeric {...header} />
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <GroupRow key={group.groupId} clusterId={clusterId} group={group} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
