"use client";

import { Pager } from "~/components/ui/pager";
import { TOPIC_PAGE_SIZES } from "~/domain/topics/topic-list-query";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Banner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Skeleton } from "~/components/ui/skeleton";
import { toUserMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";
import { CreateTopicDialog } from "../create/create-topic-dialog";
import { TopicListEmpty } from "./topic-list-empty";
import { TopicListToolbar } from "./topic-list-toolbar";
import { TopicTable } from "./topic-table";
import { useTopicListView } from "./use-topic-list-view";

/** How often the list asks again, so topics created or deleted elsewhere show up without a reload. */
const REFRESH_MS = 2000;

/** One cluster's topics: search, sort and paging live in the URL; the rows refresh every 2 s. */
export function TopicList({ clusterId }: { clusterId: string }) {
  const trpc = useTRPC();
  const { view, update } = useTopicListView();
  const topics = useQuery({
    ...trpc.topics.list.queryOptions({ clusterId, ...view }),
    refetchInterval: REFRESH_MS,
    placeholderData: keepPreviousData,
  });
  // Rates come from the server's sampler (every 5 s); asking with each list refresh is cheap (in memory).
  const rates = useQuery({ ...trpc.topics.lastMinuteRates.queryOptions({ clusterId }), refetchInterval: REFRESH_MS });
  const createButton = <CreateTopicDialog clusterId={clusterId} />;

  return (
    <section aria-labelledby="topics-heading" className="space-y-5">
      <header className="flex flex-wrap items-baseline gap-3">
        <h1 id="topics-heading" className="text-2xl font-semibold">
          Topics
        </h1>
        {topics.isPlaceholderData ? <span className="text-muted text-sm">updating…</span> : null}
      </header>

      <TopicListToolbar
        search={view.search}
        includeInternal={view.includeInternal}
        onSearchChange={(search) => update({ search })}
        onIncludeInternalChange={(includeInternal) => update({ includeInternal })}
        actions={createButton}
      />

      {topics.isError ? (
        <Banner
          tone="danger"
          title={toUserMessage(topics.error).message}
          actions={
            <Button onClick={() => void topics.refetch()} disabled={topics.isFetching}>
              Retry
            </Button>
          }
        >
          {toUserMessage(topics.error).hint}
          {topics.data ? " The rows below are the last ones seen." : null}
        </Banner>
      ) : null}

      {topics.isPending ? (
        <Card aria-busy="true" aria-label="Loading topics" className="space-y-3 p-5">
          <Skeleton className="h-5 w-full" />
          <Skeleton className="h-5 w-full" />
          <Skeleton className="h-5 w-3/4" />
        </Card>
      ) : topics.data ? (
        <Card>
          {topics.data.items.length === 0 ? (
            <TopicListEmpty search={view.search} total={topics.data.total} createButton={createButton} />
          ) : (
            <TopicTable
              clusterId={clusterId}
              topics={topics.data.items}
              rates={rates.data}
              sort={view.sort}
              direction={view.direction}
              onSort={(sort, direction) => update({ sort, direction })}
            />
          )}
          {topics.data.total > 0 ? (
            <div className="border-line border-t">
              <Pager
                label="Topic pages"
                pageSizes={TOPIC_PAGE_SIZES}
                page={view.page}
                pageSize={view.pageSize}
                total={topics.data.total}
                onPageChange={(page) => update({ page })}
                onPageSizeChange={(pageSize) => update({ pageSize })}
              />
            </div>
          ) : null}
        </Card>
      ) : null}
    </section>
  );
}
