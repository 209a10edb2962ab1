"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { History } from "lucide-react";
import { useEffect, useState } from "react";
import { Banner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Skeleton } from "~/components/ui/skeleton";
import type { TRebalanceWatchEvent } from "~/domain/groups/rebalance-record";
import { toUserMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";
import { RebalanceEntry } from "./rebalance-entry";

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

/**
 * The stored rebalances of one group, newest first. Keeping this open makes the server watch the
 * group (one watcher per group however many pages are open); each stored change refetches page 1.
 */
export function RebalanceTimeline({
  clusterId,
  groupId,
  headerState = null,
}: {
  clusterId: string;
  groupId: string;
  /** The state and generation the page's header shows now: when they move, the stored rows are read again. */
  headerState?: string | null;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const rebalances = useQuery({
    ...trpc.groups.history.rebalances.queryOptions({ clusterId, groupId, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const live = useSubscription(trpc.groups.history.watch.subscriptionOptions({ clusterId, groupId }));
  const revision = live.data?.status === "ok" ? live.data.revision : null;
  // Each stored change moves the revision: refetch the stored rows (page 1 gains the new one).
  useEffect(() => {
    if (revision === null) return;
    void queryClient.invalidateQueries({ queryKey: trpc.groups.history.rebalances.queryKey() });
  }, [revision, queryClient, trpc]);
  // The header (groups.watch) and this list (history.watch) poll separately: when the header turns
  // Stable or shows a new generation, read the rows again so an entry does not stay "in progress".
  useEffect(() => {
    if (headerState === null) return;
    void queryClient.invalidateQueries({ queryKey: trpc.groups.history.rebalances.queryKey() });
  }, [headerState, queryClient, trpc]);
  const event = live.data;
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
      ) : rebalances.data.items.length === 0 ? (
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
          {rebalances.data.items.map((rebalance) => (
            <RebalanceEntry key={rebalance.id} rebalance={rebalance} />
          ))}
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
