import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { PipelinesList } from "~/features/pipelines/list/pipelines-list";
import { fetchOrNotFound } from "~/trpc/not-found";
import { getServerQueryClient, serverTrpc } from "~/trpc/server";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Pipelines" };

export default async function PipelinesPage({ params }: { params: Promise<{ clusterId: string }> }) {
  const { clusterId } = await params;
  // The list arrives with the HTML; an unknown cluster answers 404, other failures are left to the
  // browser, which shows their sentence and a retry.
  const queryClient = getServerQueryClient();
  await fetchOrNotFound(() => queryClient.fetchQuery(serverTrpc.pipelines.list.queryOptions({ clusterId })));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <PipelinesList clusterId={clusterId} />
    </HydrationBoundary>
  );
}
