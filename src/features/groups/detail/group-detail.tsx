"use client";

import { useSubscription } from "@trpc/tanstack-react-query";
import { ArrowLeft, SearchX } from "lucide-react";
import Link from "next/link";
import { Suspense } from "react";
import { Banner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Skeleton } from "~/components/ui/skeleton";
import type { TGroupDetail, TGroupWatch } from "~/domain/groups/group-dto";
import { toUserMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";
import { RebalanceTimelineCard } from "../history/rebalance-timeline";
import { useRebalanceWatch } from "../history/use-rebalance-watch";
import { LagHistoryCard, LagHistorySkeleton } from "../lag/lag-history-card";
import { GroupOffsetsActions } from "../offsets/group-offsets-actions";
import { GroupDetailBody } from "./group-detail-body";
import { GroupHeader } from "./group-header";

/** One consumer group, live: members, assignment, lag; its offsets actions and rebalance history. */
export function GroupDetail({ clusterId, groupId }: { clusterId: string; groupId: string }) {
  const trpc = useTRPC();
  const subscription = useSubscription(trpc.groups.watch.subscriptionOptions({ clusterId, groupId }));
  const event: TGroupWatch | undefined = subscription.data;
  const group: TGroupDetail | null = event?.status === "ok" ? event.group : null;
  // The header's state and generation come from the rebalance watch's snapshot, as the timeline's
  // newest rebalance does: the header never says "Stable" while that rebalance reads as in progress.
  const rebalances = useRebalanceWatch(clusterId, groupId);
  const liveState = rebalances.event?.status === "ok" ? rebalances.event : null;
  const listHref = `/clusters/${encodeURIComponent(clusterId)}/groups`;

  return (
    <div className="space-y-5">
      <Link href={listHref} className="text-muted hover:text-ink inline-flex items-center gap-1 text-sm">
        <ArrowLeft aria-hidden className="size-4" /> Consumer groups
      </Link>
      <GroupHeader groupId={groupId} group={group} live={liveState} />

      {subscription.error ? (
        <Banner tone="danger" title={toUserMessage(subscription.error).message}>
          {toUserMessage(subscription.error).hint}
        </Banner>
      ) : null}

      {event?.status === "error" && event.isMissing ? (
        <Card>
          <EmptyState icon={<SearchX aria-hidden className="size-8" />} title={event.message}>
            <p>{event.hint} This page shows the group as soon as it appears.</p>
            <Button asChild variant="secondary" className="mt-4">
              <Link href={listHref}>All consumer groups</Link>
            </Button>
          </EmptyState>
        </Card>
      ) : null}
      {event?.status === "error" && !event.isMissing ? (
        <Banner tone="danger" title={event.message}>
          {event.hint} {group ? null : "Tributary keeps trying."}
        </Banner>
      ) : null}

      {!event && !subscription.error ? (
        <Card aria-busy="true" aria-label="Loading the group" className="space-y-3 p-5">
          <Skeleton className="h-5 w-1/3" />
          <Skeleton className="h-5 w-full" />
          <Skeleton className="h-5 w-3/4" />
        </Card>
      ) : null}

      {group ? <GroupDetailBody group={group} /> : null}

      {/* Stored history: shown even while the group cannot be described. It reads its range from the URL. */}
      <Suspense fallback={<LagHistorySkeleton />}>
        <LagHistoryCard clusterId={clusterId} groupId={groupId} />
      </Suspense>

      {event?.status === "ok" ? <GroupOffsetsActions clusterId={clusterId} groupId={groupId} /> : null}
      <RebalanceTimelineCard clusterId={clusterId} groupId={groupId} live={rebalances} />
    </div>
  );
}
