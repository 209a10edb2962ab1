"use client";

import { useSubscription } from "@trpc/tanstack-react-query";
import { BookOpen, List, Users } from "lucide-react";
import Link from "next/link";
import type { TCluster, TClusterHealth } from "~/domain/cluster";
import { CLUSTER_COLOUR_CLASSES, ClusterLabel } from "~/components/cluster-badge";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Skeleton } from "~/components/ui/skeleton";
import { cn } from "~/lib/cn";
import { useTRPC } from "~/trpc/react";
import { BrokerTable } from "./broker-table";
import { ClusterStats } from "./cluster-stats";
import { ConnectionBanner } from "./connection-banner";
import { ReadOnlySwitch } from "./read-only-switch";

/** One cluster's brokers and counts, kept live by the `cluster.health` subscription. */
export function ClusterOverview({ cluster }: { cluster: TCluster }) {
  const trpc = useTRPC();
  const subscription = useSubscription(trpc.clusters.health.subscriptionOptions({ clusterId: cluster.id }));
  const health: TClusterHealth | undefined = subscription.data;
  const overview = health?.status === "ok" ? health.overview : (health?.lastOverview ?? null);
  const isStale = health?.status === "unreachable";

  return (
    <section aria-labelledby={`cluster-${cluster.id}`} className="space-y-5">
      <header className="flex flex-wrap items-center gap-3">
        {cluster.colour ? (
          <span aria-hidden className={cn("size-3 rounded-full", CLUSTER_COLOUR_CLASSES[cluster.colour].fill)} />
        ) : null}
        <h1 id={`cluster-${cluster.id}`} className="text-2xl font-semibold">
          {cluster.name}
        </h1>
        {cluster.label ? <ClusterLabel label={cluster.label} colour={cluster.colour} /> : null}
        <LiveBadge health={health} />
        {cluster.isReadOnly ? <Badge>read-only</Badge> : null}
        <span className="text-muted font-mono text-sm">{cluster.bootstrapServers}</span>
        {overview?.clusterId ? (
          <span className="text-muted text-sm">
            cluster id <span className="text-ink font-mono">{overview.clusterId}</span>
          </span>
        ) : null}
        <ReadOnlySwitch clusterId={cluster.id} isReadOnly={cluster.isReadOnly} />
        <Button asChild className="ml-auto">
          <Link href={`/clusters/${encodeURIComponent(cluster.id)}/topics`}>
            <List aria-hidden className="size-4" />
            Topics
          </Link>
        </Button>
        <Button asChild>
          <Link href={`/clusters/${encodeURIComponent(cluster.id)}/groups`}>
            <Users aria-hidden className="size-4" />
            Consumer groups
          </Link>
        </Button>
        <Button asChild>
          <Link href={`/clusters/${encodeURIComponent(cluster.id)}/definitions`}>
            <BookOpen aria-hidden className="size-4" />
            Catalogue
          </Link>
        </Button>
      </header>

      <ConnectionBanner health={health} subscriptionStatus={subscription.status} />

      {overview ? (
        <div className={cn("space-y-5 transition-opacity", isStale && "opacity-60")}>
          <ClusterStats clusterId={cluster.id} overview={overview} />
          <BrokerTable brokers={overview.brokers} />
        </div>
      ) : health ? null : (
        <div className="space-y-5" aria-busy="true" aria-label="Loading cluster metadata">
          <Skeleton className="h-24 w-full" />
          <Skeleton className="h-40 w-full" />
        </div>
      )}
    </section>
  );
}

function LiveBadge({ health }: { health: TClusterHealth | undefined }) {
  if (!health) return <Badge>connecting…</Badge>;
  if (health.status === "unreachable") return <Badge tone="danger">unreachable</Badge>;
  return (
    <Badge tone="ok">
      <span aria-hidden className="bg-ok size-1.5 animate-pulse rounded-full" />
      live
    </Badge>
  );
}
