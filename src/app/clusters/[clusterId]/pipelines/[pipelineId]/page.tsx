import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { PipelineEditor } from "~/features/pipelines/editor/pipeline-editor";
import { fetchOrNotFound } from "~/trpc/not-found";
import { getServerQueryClient, serverTrpc } from "~/trpc/server";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Pipeline" };

type Params = Promise<{ clusterId: string; pipelineId: string }>;

export default async function PipelinePage({ params }: { params: Params }) {
  const { clusterId, pipelineId } = await params;
  // An unknown cluster or pipeline answers 404; other failures are left to the browser's retry.
  const queryClient = getServerQueryClient();
  await fetchOrNotFound(() =>
    queryClient.fetchQuery(
      serverTrpc.pipelines.get.queryOptions({ clusterId, pipelineId: decodeURIComponent(pipelineId) }),
    ),
  );
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <PipelineEditor clusterId={clusterId} pipelineId={decodeURIComponent(pipelineId)} />
    </HydrationBoundary>
  );
}
