import type { TGroupDetail } from "~/domain/groups/group-dto";
import { formatDuration } from "~/domain/groups/group-lag";
import { GroupStateBadge, GroupTypeBadge } from "../list/group-badges";

const INT64_FORMAT = new Intl.NumberFormat("en-US");
const GENERATION_HELP =
  "Kafka starts a new generation with every rebalance. It is read from the group coordinator's records in __consumer_offsets; it shows as unknown when Tributary may not read that topic.";

/**
 * The group's id, state, type, assignor and total lag. `live` (the rebalance watch's snapshot),
 * when there is one, gives the state and generation, so they agree with the rebalance timeline.
 */
export function GroupHeader({
  groupId,
  group,
  live = null,
}: {
  groupId: string;
  group: TGroupDetail | null;
  live?: { state: string; generation: number | null } | null;
}) {
  const generation = live ? live.generation : (group?.generationId ?? null);
  return (
    <header className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold break-all">{groupId}</h1>
        {group ? (
          <>
            <span data-testid="group-state">
              <GroupStateBadge group={{ type: group.type, state: live?.state ?? group.state }} />
            </span>
            <GroupTypeBadge group={group} />
          </>
        ) : null}
      </div>
      {group ? (
        <dl className="text-muted flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <div className="flex gap-1.5">
            <dt>Members</dt>
            <dd className="text-ink tabular-nums" data-testid="group-member-count">
              {group.memberCount ?? "not visible"}
            </dd>
          </div>
          {group.protocol ? (
            <div className="flex gap-1.5">
              <dt>Assignor</dt>
              <dd className="text-ink">{group.protocol}</dd>
            </div>
          ) : null}
          <div className="flex gap-1.5">
            <dt>Total lag</dt>
            <dd className="text-ink tabular-nums">
              {group.totalLag === null ? "—" : INT64_FORMAT.format(BigInt(group.totalLag))}
            </dd>
          </div>
          <div className="flex gap-1.5">
            <dt>Time lag</dt>
            <dd className="text-ink">{group.timeLagMs === null ? "—" : formatDuration(group.timeLagMs)}</dd>
          </div>
          <div className="flex gap-1.5" title={GENERATION_HELP}>
            <dt>{group.type === "classic" ? "Generation" : "Group epoch"}</dt>
            <dd className="text-ink tabular-nums" data-testid="group-generation">
              {generation ?? "unknown"}
            </dd>
          </div>
        </dl>
      ) : null}
    </header>
  );
}
