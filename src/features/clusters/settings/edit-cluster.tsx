"use client";

import { SearchX } from "lucide-react";
import { ClusterBadge } from "~/components/cluster-badge";
import { ErrorBanner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Skeleton } from "~/components/ui/skeleton";
import { BackLink } from "./add-cluster";
import { ClusterForm } from "./cluster-form";
import { RemoveClusterSection } from "./remove-cluster-section";
import { useClusters } from "./use-clusters";

/** One cluster's settings: the form, and removing it (except the default cluster). */
export function EditCluster({ clusterId }: { clusterId: string }) {
  const clusters = useClusters();
  const cluster = clusters.data?.find((candidate) => candidate.id === clusterId);
  return (
    <div className="max-w-4xl space-y-6">
      <BackLink />
      {clusters.isPending ? (
        <div className="space-y-4" aria-busy="true" aria-label="Loading the cluster">
          <Skeleton className="h-8 w-64" />
          <Skeleton className="h-64 w-full" />
        </div>
      ) : clusters.isError ? (
        <ErrorBanner error={clusters.error} actions={<Button onClick={() => void clusters.refetch()}>Retry</Button>} />
      ) : !cluster ? (
        <Card>
          <EmptyState
            icon={<SearchX aria-hidden className="size-8" />}
            title="This cluster is not registered in Tributary."
          >
            It may have been removed. Pick one from the cluster settings.
          </EmptyState>
        </Card>
      ) : (
        <>
          <h1 className="text-xl font-semibold">
            <ClusterBadge name={cluster.name} label={cluster.label} colour={cluster.colour} />
          </h1>
          <ClusterForm key={cluster.id} cluster={cluster} />
          {cluster.isDefault ? null : <RemoveClusterSection cluster={cluster} />}
        </>
      )}
    </div>
  );
}
