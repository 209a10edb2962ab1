"use client";

import { Plus, Server } from "lucide-react";
import Link from "next/link";
import { ErrorBanner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Skeleton } from "~/components/ui/skeleton";
import { ClusterSettingsTable } from "./cluster-settings-table";
import { useClusters } from "./use-clusters";

/** The clusters Tributary knows, and where an admin adds, changes or removes one. */
export function ClustersAdmin() {
  const clusters = useClusters();
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">Cluster settings</h1>
        <Button asChild variant="primary" className="ml-auto">
          <Link href="/admin/clusters/new">
            <Plus aria-hidden className="size-4" />
            Add a cluster
          </Link>
        </Button>
      </header>
      <ErrorBanner
        error={clusters.error}
        actions={
          <Button onClick={() => void clusters.refetch()} disabled={clusters.isFetching}>
            Retry
          </Button>
        }
      />
      <Card>
        <CardHeader
          title="Clusters"
          description="Passwords and client keys are stored encrypted and never shown; the cluster of KAFKA_BROKERS is the default."
        />
        {clusters.isPending ? (
          <div className="space-y-3 p-5" aria-busy="true" aria-label="Loading clusters">
            <Skeleton className="h-5 w-full" />
            <Skeleton className="h-5 w-2/3" />
          </div>
        ) : clusters.data?.length === 0 ? (
          <EmptyState icon={<Server aria-hidden className="size-8" />} title="No clusters registered">
            Add one, or set KAFKA_BROKERS and restart Tributary.
          </EmptyState>
        ) : clusters.data ? (
          <ClusterSettingsTable clusters={clusters.data} />
        ) : null}
      </Card>
    </div>
  );
}
