"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { History } from "lucide-react";
import { useEffect, useState } from "react";
import { Banner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Skeleton } from "~/components/ui/skeleton";
import type { TRebalanceWatchEvent } from "~/domain/groups/rebalance-record";
import { timelineRows, withLiveNewest } from "~/domain/groups/rebalance-timeline";
import { toUserMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";
import { GroupRestartMarker, RebalanceEntry } from "./rebalance-entry";
import { useRebalanceWatch, type TRebalanceWatch } from "./use-rebalance-watch";

const PAGE_SIZE = 20;

function LiveLine({ event }: { event: TRebalanceWatchEvent | undefined }) {
  if (!event) return <span className="text-muted text-sm">connecting…</span>;
  if (event.status === "unreachable") return <span className="text-warn text-sm">not watching: {event.message}</span>;
  return (
    <span className="text-muted text-sm" aria-live="polite">
      watching live · {event.state} · {event.memberCount} member{event.memberCount === 1 ? "" : "s"}
    </span>
  );
}

/** The stored rebalances of one group with its own live watch (for pages without a header of the group). */
export function RebalanceTimeline({ clusterId, groupId }: { clusterId: string; groupId: string }) {
  return <RebalanceTimelineCard clusterId={clusterId} groupId={groupId} live={useRebalanceWatch(clusterId, groupId)} />;
}

/**
 * The stored rebalances of one group, newest first. Keeping the watch open makes the server watch
 * the group (one watcher per group however many pages are open); each stored change refetches the
 * rows, and the newest rebalance of the watch's snapshot is shown at once — the same snapshot the
 * group page's header shows the state and generation of.
 */
export function RebalanceTimelineCard({
  clusterId,
  groupId,
  live,
}: {
  clusterId: string;
  groupId: string;
  live: TRebalanceWatch;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const rebalances = useQuery({
    ...trpc.groups.history.rebalances.queryOptions({ clusterId, groupId, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const event = live.event;
  const revision = event?.status === "ok" ? event.revision : null;
  // Each stored change moves the revision: refetch the stored rows (page 1 gains the new one).
  useEffect(() => {
    if (revision === null) return;
    void queryClient.invalidateQueries({ queryKey: trpc.groups.history.rebalances.queryKey() });
  }, [revision, queryClient, trpc]);
  const stored = rebalances.data?.items ?? [];
  const items = page === 1 ? withLiveNewest(stored, event?.status === "ok" ? event.newest : null) : stored;
  const total = rebalances.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <Card aria-labelledby="rebalances-heading">
      <CardHeader title={<span id="rebalances-heading">Rebalances</span>} description={<LiveLine event={event} />} />
      {event?.status === "unreachable" ? (
        <div className="px-5 pt-4">
          <Banner tone="warn" title={event.message}>
            {event.hint} New rebalances are recorded again when it answers; the history below is stored.
          </Banner>
        </div>
      ) : null}
      {live.error ? (
        <div className="px-5 pt-4">
          <Banner tone="danger" title={toUserMessage(live.error).message}>
            {toUserMessage(live.error).hint}
          </Banner>
        </div>
      ) : null}
      {rebalances.isError ? (
        <div className="px-5 py-4">
          <Banner
            tone="danger"
            title={toUserMessage(rebalances.error).message}
            actions={<Button onClick={() => void rebalances.refetch()}>Retry</Button>}
          >
            {toUserMessage(rebalances.error).hint}
          </Banner>
        </div>
      ) : rebalances.isPending ? (
        <div aria-busy="true" aria-label="Loading rebalances" className="space-y-3 p-5">
          <Skeleton className="h-5 w-full" />
          <Skeleton className="h-5 w-2/3" />
        </div>
      ) : items.length === 0 ? (
        <EmptyState
          icon={<History className="size-6" />}
          title="No rebalances recorded since Tributary started watching this group"
        >
          Tributary stores each rebalance in its database: who joined or left, and which partitions moved. While this
          page is open it watches the group twice a second; otherwise a sweep of all groups looks every few seconds.
          Stored rebalances stay here after a reload.
          {event?.status === "ok" && event.state === "Unknown" ? (
            <p className="mt-2">
              This group uses Kafka 4&apos;s new consumer protocol (KIP-848) and the broker did not describe its
              members, so its rebalances cannot be watched.
            </p>
          ) : null}
        </EmptyState>
      ) : (
        <ol aria-label="Rebalances, newest first">
          {timelineRows(items, rebalances.data.olderIncarnation, page === 1).map((row) =>
            row.kind === "restart" ? (
              <GroupRestartMarker key={`restart-${row.incarnation}`} />
            ) : (
              <RebalanceEntry
                key={row.rebalance.id}
                rebalance={row.rebalance}
                generation={row.generation}
                isUnfinished={row.isUnfinished}
              />
            ),
          )}
        </ol>
      )}
      {pages > 1 ? (
        <nav aria-label="Rebalance pages" className="border-line flex items-center gap-3 border-t px-5 py-3 text-sm">
          <Button onClick={() => setPage((current) => current - 1)} disabled={page <= 1}>
            Newer
          </Button>
          <span className="text-muted">
            page {page} of {pages} · {total} rebalances
          </span>
          <Button onClick={() => setPage((current) => current + 1)} disabled={page >= pages}>
            Older
          </Button>
        </nav>
      ) : null}
    </Card>
  );
}
