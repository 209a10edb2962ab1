"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Banner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { Skeleton } from "~/components/ui/skeleton";
import { browseParams, parseBrowseParams, type TBrowseUrlState } from "~/domain/messages/browse-query";
import type { TTopicDescription } from "~/domain/topics/topic-dto";
import { toUserMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";
import { useMessageParams } from "../messages-url";
import { MessageTable } from "../view/message-table";
import { emptyPageSentence } from "./browse-empty";
import { BrowsePager } from "./browse-pager";
import { BrowseToolbar } from "./browse-toolbar";

/**
 * Pages of a topic's messages from a chosen position, read without a consumer group. The whole
 * state (partition, start, order, page size, page cursor) is in the URL, so a link or a reload
 * shows the same page.
 */
export function BrowseView({ clusterId, topic }: { clusterId: string; topic: TTopicDescription }) {
  const trpc = useTRPC();
  const { params, update } = useMessageParams();
  const state = parseBrowseParams(params);
  const page = useQuery({
    ...trpc.messages.browse.queryOptions({ clusterId, topic: topic.name, ...state }),
    placeholderData: keepPreviousData,
    // A page is a snapshot of the log; Refresh (or Live tail) reads again.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const apply = (next: TBrowseUrlState) => update(browseParams(next), { push: true });
  const partitions = topic.partitions.map((partition) => partition.partition);

  return (
    <section aria-label="Browse messages" className="space-y-4">
      <BrowseToolbar
        clusterId={clusterId}
        topic={topic.name}
        partitions={partitions}
        state={state}
        onChange={(changes) => apply({ ...state, ...changes, cursor: undefined })}
        onRefresh={() => void page.refetch()}
        isRefreshing={page.isFetching}
      />
      {page.isError ? (
        <Banner
          tone="danger"
          title={toUserMessage(page.error).message}
          actions={
            <Button onClick={() => void page.refetch()} disabled={page.isFetching}>
              Retry
            </Button>
          }
        >
          {toUserMessage(page.error).hint}
        </Banner>
      ) : null}
      {page.data?.notes.map((note) => (
        <Banner key={note} tone="info" title={note} />
      ))}
      {page.data ? (
        <div className="space-y-3" aria-busy={page.isFetching}>
          <BrowsePager
            page={page.data}
            order={state.order}
            disabled={page.isFetching}
            onPage={(cursor) => apply({ ...state, cursor })}
          />
          <MessageTable
            clusterId={clusterId}
            topic={topic.name}
            messages={page.data.messages}
            aria-label={`Messages of ${topic.name}`}
            empty={<EmptyState title={emptyPageSentence(state, page.data)} />}
          />
        </div>
      ) : page.isPending ? (
        <div className="space-y-2" aria-label="Loading messages" role="status">
          {Array.from({ length: 8 }, (_, index) => (
            <Skeleton key={index} className="h-8 w-full" />
          ))}
        </div>
      ) : null}
    </section>
  );
}
