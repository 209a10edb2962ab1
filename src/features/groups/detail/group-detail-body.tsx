import { Banner } from "~/components/ui/banner";
import { Card, CardHeader } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { buildAssignmentGrid } from "~/domain/groups/assignment-grid";
import type { TGroupDetail } from "~/domain/groups/group-dto";
import { AssignmentGridView } from "./assignment-grid-view";
import { GroupMembersTable } from "./group-members-table";
import { PartitionLagTable } from "./partition-lag-table";

/** Members, the assignment grid and lag per partition of one snapshot. */
export function GroupDetailBody({ group }: { group: TGroupDetail }) {
  const grid = buildAssignmentGrid(group.members, group.topicPartitions);
  return (
    <div className="space-y-5">
      {group.limitation ? (
        <Banner tone="info" title="Members and assignment cannot be shown">
          {group.limitation}
        </Banner>
      ) : null}

      {group.limitation ? null : (
        <Card>
          <CardHeader title="Members" description="Each member of the group, with the partitions it was assigned." />
          {group.members.length === 0 ? (
            <EmptyState title="No active members">
              The group is {group.state === "Empty" ? "empty" : group.state}: no consumer is running in it; its
              committed offsets remain.
            </EmptyState>
          ) : (
            <GroupMembersTable members={group.members} />
          )}
        </Card>
      )}

      {group.limitation || group.members.length === 0 ? null : (
        <Card>
          <CardHeader
            title="Assignment"
            description="Partitions × members: a partition is read by at most one member."
          />
          <div className="pb-3">
            <AssignmentGridView grid={grid} />
          </div>
        </Card>
      )}

      <Card>
        <CardHeader
          title="Lag per partition"
          description="Committed offset, log-end offset, and how far behind the group is."
        />
        {group.partitions.length === 0 ? (
          <EmptyState title="No committed offsets">
            This group has not committed an offset for any partition yet.
          </EmptyState>
        ) : (
          <PartitionLagTable partitions={group.partitions} members={group.members} />
        )}
      </Card>
    </div>
  );
}
