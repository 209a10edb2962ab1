import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { Suspense } from "react";
import { GroupList } from "~/features/groups/list/group-list";
import { parseGroupListView } from "~/features/groups/list/group-list-url";
import { fetchOrNotFound } from "~/trpc/not-found";
import { getServerQueryClient, serverTrpc } from "~/trpc/server";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Consumer groups" };

type GroupsPageProps = {
  params: Promise<{ clusterId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function GroupsPage({ params, searchParams }: GroupsPageProps) {
  const { clusterId } = await params;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) if (typeof value === "string") search.set(key, value);
  // The first page arrives with the HTML; an unknown cluster answers 404, other failures are left to
  // the browser, which shows their sentence.
  const queryClient = getServerQueryClient();
  await fetchOrNotFound(() =>
    queryClient.fetchQuery(serverTrpc.groups.list.queryOptions({ clusterId, ...parseGroupListView(search) })),
  );
  // The list reads its view from the URL (useSearchParams), which needs a Suspense boundary.
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <Suspense>
        <GroupList clusterId={clusterId} />
      </Suspense>
    </HydrationBoundary>
  );
}
