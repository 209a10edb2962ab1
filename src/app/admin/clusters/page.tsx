import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { ClustersAdmin } from "~/features/clusters/settings/clusters-admin";
import { getServerQueryClient, serverTrpc } from "~/trpc/server";

export const metadata: Metadata = { title: "Cluster settings" };

/** Admins only (layout.tsx): every cluster with its connection, and where to add one. */
export default async function ClusterSettingsPage() {
  // The list arrives with the HTML; a failure is left to the browser, which shows its sentence.
  const queryClient = getServerQueryClient();
  await queryClient.prefetchQuery(serverTrpc.clusters.list.queryOptions());
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ClustersAdmin />
    </HydrationBoundary>
  );
}
