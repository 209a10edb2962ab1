import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { Suspense } from "react";
import { DefinitionsCatalogue } from "~/features/definitions/catalogue/definitions-catalogue";
import { fetchOrNotFound } from "~/trpc/not-found";
import { getServerQueryClient, serverTrpc } from "~/trpc/server";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Catalogue" };

export default async function CataloguePage({ params }: { params: Promise<{ clusterId: string }> }) {
  const { clusterId } = await params;
  // The catalogue arrives with the HTML; an unknown cluster answers 404, other failures are left to
  // the browser, which shows their sentence.
  const queryClient = getServerQueryClient();
  await fetchOrNotFound(() => queryClient.fetchQuery(serverTrpc.definitions.list.queryOptions({ clusterId })));
  // The catalogue reads its filters from the URL (useSearchParams), which needs a Suspense boundary.
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <Suspense>
        <DefinitionsCatalogue clusterId={clusterId} />
      </Suspense>
    </HydrationBoundary>
  );
}
