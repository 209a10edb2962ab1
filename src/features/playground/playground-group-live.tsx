"use client";

import { ExternalLink } from "lucide-react";
import Link from "next/link";
import { Banner } from "~/components/ui/banner";
import { Card } from "~/components/ui/card";
import { Skeleton } from "~/components/ui/skeleton";
import type { TGroupWatch } from "~/domain/groups/group-dto";
import { GroupDetailBody } from "~/features/groups/detail/group-detail-body";
import { RebalanceTimeline } from "~/features/groups/history/rebalance-timeline";
import { GroupStateBadge } from "~/features/groups/list/group-badges";

type GroupLiveProps = {
  clusterId: string;
  groupId: string;
  event: TGroupWatch | undefined;
  /** The newest generation the group or its demo members report; null while none is known. */
  generationId: number | null;
};

/** The playground's group as Kafka sees it, live: state, generation, members, assignment, lag, rebalances. */
export function PlaygroundGroupLive({ clusterId, groupId, event, generationId }: GroupLiveProps) {
  const group = event?.status === "ok" ? event.group : null;
  const groupHref = `/clusters/${encodeURIComponent(clusterId)}/groups/${encodeURIComponent(groupId)}`;
  return (
    <div className="space-y-5">
      <Card className="flex flex-wrap items-center gap-x-6 gap-y-2 px-5 py-3 text-sm" aria-label="The group live">
        <span className="font-semibold">Group {groupId}</span>
        <span className="flex items-center gap-1.5" data-testid="playground-group-state">
          <span className="text-muted">State</span>
          {group ? <GroupStateBadge group={group} /> : <span>—</span>}
        </span>
        <span className="flex items-center gap-1.5">
          <span className="text-muted">Generation</span>
          <span className="font-medium tabular-nums" data-testid="playground-generation">
            {generationId ?? "—"}
          </span>
        </span>
        <span className="flex items-center gap-1.5">
          <span className="text-muted">Members in Kafka</span>
          <span className="font-medium tabular-nums" data-testid="playground-group-member-count">
            {group?.memberCount ?? "—"}
          </span>
        </span>
        <Link href={groupHref} className="text-accent ml-auto inline-flex items-center gap-1 hover:underline">
          Open the group page <ExternalLink aria-hidden className="size-3.5" />
        </Link>
      </Card>

      {event?.status === "error" && !event.isMissing ? (
        <Banner tone="warn" title={event.message}>
          {event.hint} The view below is the last one seen; Tributary keeps trying.
        </Banner>
      ) : null}
      {event?.status === "error" && event.isMissing ? (
        <p className="text-muted text-sm">Kafka does not know the group yet: it appears once the first member joins.</p>
      ) : null}
      {!event ? (
        <Card aria-busy="true" aria-label="Loading the group" className="space-y-3 p-5">
          <Skeleton className="h-5 w-1/3" />
          <Skeleton className="h-5 w-full" />
        </Card>
      ) : null}

      {group ? <GroupDetailBody group={group} /> : null}
      <RebalanceTimeline clusterId={clusterId} groupId={groupId} />
    </div>
  );
}
