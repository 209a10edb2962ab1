"use client";

import { useQuery } from "@tanstack/react-query";
import { Server } from "lucide-react";
import { Banner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Skeleton } from "~/components/ui/skeleton";
import { toUserMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";
import { ClusterOverview } from "./cluster-overview";

export function ClustersHome() {
  const trpc = useTRPC();
  const clusters = useQuery(trpc.clusters.list.queryOptions());

  if (clusters.isPending) {
    return (
      <div className="space-y-4" aria-busy="true" aria-label="Loading clusters">
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-28 w-full" />
        <Skeleton className="h-48 w-full" />
      </div>
    );
  }
  if (clusters.isError) {
    const { message, hint } = toUserMessage(clusters.error);
    return (
      <Banner
        tone="danger"
        title={message}
        actions={
          <Button onClick={() => void clusters.refetch()} disabled={clusters.isFetching}>
            Retry
          </Button>
        }
      >
        {hint}
      </Banner>
    );
  }
  if (clusters.data.length === 0) {
    return (
      <Card>
        <EmptyState icon={<Server className="size-8" />} title="No clusters registered">
          Set KAFKA_BROKERS to your cluster&apos;s bootstrap servers and restart Tributary.
        </EmptyState>
      </Card>
    );
  }
  return (
    <div className="space-y-10">
      {clusters.data.map((cluster) => (
        <ClusterOverview key={cluster.id} cluster={cluster} />
      ))}
    </div>
  );
}
