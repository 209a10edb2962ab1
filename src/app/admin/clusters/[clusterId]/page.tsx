import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { EditCluster } from "~/features/clusters/settings/edit-cluster";
import { getServerQueryClient, serverTrpc } from "~/trpc/server";

export const metadata: Metadata = { title: "Cluster settings" };

export default async function EditClusterPage({ params }: { params: Promise<{ clusterId: string }> }) {
  const { clusterId } = await params;
  const queryClient = getServerQueryClient();
  await queryClient.prefetchQuery(serverTrpc.clusters.list.queryOptions());
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <EditCluster clusterId={decodeURIComponent(clusterId)} />
    </HydrationBoundary>
  );
}
