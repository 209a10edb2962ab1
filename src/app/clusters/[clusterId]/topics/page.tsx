import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { Suspense } from "react";
import { TopicList } from "~/features/topics/list/topic-list";
import { parseTopicListView } from "~/features/topics/list/topic-list-url";
import { getServerQueryClient, serverTrpc } from "~/trpc/server";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Topics" };

type TopicsPageProps = {
  params: Promise<{ clusterId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function TopicsPage({ params, searchParams }: TopicsPageProps) {
  const { clusterId } = await params;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) if (typeof value === "string") search.set(key, value);
  // The first page arrives with the HTML; a failure is left to the browser, which shows its sentence.
  const queryClient = getServerQueryClient();
  await queryClient.prefetchQuery(serverTrpc.topics.list.queryOptions({ clusterId, ...parseTopicListView(search) }));
  // The list reads its view from the URL (useSearchParams), which needs a Suspense boundary.
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <Suspense>
        <TopicList clusterId={clusterId} />
      </Suspense>
    </HydrationBoundary>
  );
}
