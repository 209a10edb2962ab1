import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { TopicList } from "~/features/topics/list/topic-list";
import { parseTopicListView } from "~/features/topics/list/topic-list-url";
import { fetchOrNotFound } from "~/trpc/not-found";
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
  // The first page arrives with the HTML; an unknown cluster answers 404, other failures are left to
  // the browser, which shows their sentence.
  const queryClient = getServerQueryClient();
  await fetchOrNotFound(() =>
    queryClient.fetchQuery(serverTrpc.topics.list.queryOptions({ clusterId, ...parseTopicListView(search) })),
  );
  // No Suspense boundary: this route renders per request, so useSearchParams needs none, and a
  // boundary made React stream the rows in a hidden <div> that a script reveals later — the first
  // rows then waited for that script instead of painting with the HTML.
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <TopicList clusterId={clusterId} />
    </HydrationBoundary>
  );
}
