"use client";

import { useQuery } from "@tanstack/react-query";
import { SearchX } from "lucide-react";
import Link from "next/link";
import { Banner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Skeleton } from "~/components/ui/skeleton";
import { toUserMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";
import { DefinitionCard } from "./definition-card";
import { TopicHeader } from "./topic-header";
import { topicListHref } from "./topic-links";
import { TopicTabs } from "./topic-tabs";

/** Partitions added or configs changed by other tools show up within this interval, without a reload. */
const REFRESH_MS = 2_000;

/** One topic: partitions, configs, the key calculator, and the operations that change it. */
export function TopicDetail({ clusterId, name }: { clusterId: string; name: string }) {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.topics.describe.queryOptions({ clusterId, name }),
    refetchInterval: REFRESH_MS,
  });
  const topic = query.data;
  const error = query.error ? toUserMessage(query.error) : null;
  // A topic deleted while it is shown answers NOT_FOUND on the next refresh: say so instead of stale rows.
  const isNotFound = query.error?.data?.code === "NOT_FOUND";

  if (isNotFound && error) {
    return (
      <div className="space-y-5">
        <TopicHeader clusterId={clusterId} name={name} topic={null} />
        <Card>
          <EmptyState icon={<SearchX aria-hidden className="size-8" />} title={error.message}>
            <p>{error.hint}</p>
            <Button asChild variant="secondary" className="mt-4">
              <Link href={topicListHref(clusterId)}>Back to the topics</Link>
            </Button>
          </EmptyState>
        </Card>
      </div>
    );
  }

  if (!topic) {
    if (error) {
      return (
        <div className="space-y-5">
          <TopicHeader clusterId={clusterId} name={name} topic={null} />
          <Banner
            tone="danger"
            title={error.message}
            actions={
              <Button onClick={() => void query.refetch()} disabled={query.isFetching}>
                {query.isFetching ? "Retrying…" : "Retry"}
              </Button>
            }
          >
            {error.hint}
          </Banner>
        </div>
      );
    }
    return (
      <div className="space-y-5" aria-busy="true" aria-label="Loading the topic">
        <TopicHeader clusterId={clusterId} name={name} topic={null} />
        <Skeleton className="h-9 w-72" />
        <Skeleton className="h-64 w-full" />
      </div>
    );
  }

  return (
    <div className="space-y-5">
      <TopicHeader clusterId={clusterId} name={name} topic={topic} />
      {error ? (
        <Banner tone="warn" title={`Could not refresh the topic: ${error.message}`}>
          The figures below are the last ones seen; the page keeps trying.
        </Banner>
      ) : null}
      {topic.isInternal ? null : <DefinitionCard clusterId={clusterId} topicName={name} />}
      <TopicTabs clusterId={clusterId} topic={topic} />
    </div>
  );
}
