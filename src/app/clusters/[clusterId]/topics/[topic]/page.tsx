import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { TopicDetail } from "~/features/topics/detail/topic-detail";
import { fetchOrNotFound } from "~/trpc/not-found";
import { getServerQueryClient, serverTrpc } from "~/trpc/server";

export const dynamic = "force-dynamic";

type Params = Promise<{ clusterId: string; topic: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { topic } = await params;
  return { title: decodeURIComponent(topic) };
}

export default async function TopicPage({ params }: { params: Params }) {
  const { clusterId, topic } = await params;
  const name = decodeURIComponent(topic);
  // A missing topic or cluster answers 404 (not-found.tsx beside this page says which one).
  const queryClient = getServerQueryClient();
  await fetchOrNotFound(() => queryClient.fetchQuery(serverTrpc.topics.describe.queryOptions({ clusterId, name })));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <TopicDetail clusterId={clusterId} name={name} />
    </HydrationBoundary>
  );
}
