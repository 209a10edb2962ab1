"use client";

import { useQuery } from "@tanstack/react-query";
import { Settings } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useMe } from "~/components/auth/use-me";
import { CLUSTER_COLOUR_CLASSES, ClusterLabel } from "~/components/cluster-badge";
import { Select } from "~/components/ui/input";
import { Skeleton } from "~/components/ui/skeleton";
import { cn } from "~/lib/cn";
import { useTRPC } from "~/trpc/react";
import { parseClusterPage } from "./cluster-paths";
import { useClusterSwitch } from "./use-cluster-switch";

const NO_CLUSTER = "";

/**
 * The header's cluster: which one this page shows (name, label, and a band in its colour along the
 * header, so production is unmistakable), a switcher that keeps the page, and the settings for admins.
 */
export function ClusterBar() {
  const trpc = useTRPC();
  const { me } = useMe();
  const pathname = usePathname();
  const page = parseClusterPage(pathname);
  const clusters = useQuery({ ...trpc.clusters.list.queryOptions(), enabled: me !== null });
  const { switchTo, isChecking } = useClusterSwitch(page);
  if (!me) return null;
  if (clusters.isPending) return <Skeleton className="h-7 w-48" />;
  // The page itself says why the clusters cannot be read.
  if (clusters.isError) return null;

  const currentId = page.kind === "none" ? NO_CLUSTER : page.clusterId;
  const current = clusters.data.find((cluster) => cluster.id === currentId) ?? null;
  return (
    <div className="flex min-w-0 items-center gap-2 text-sm" data-testid="current-cluster">
      {current ? (
        <>
          <span
            aria-hidden
            data-testid="cluster-band"
            className={cn(
              "absolute inset-x-0 bottom-0 h-1",
              current.colour ? CLUSTER_COLOUR_CLASSES[current.colour].fill : "bg-line",
            )}
          />
          <span
            aria-hidden
            className={cn(
              "size-2.5 shrink-0 rounded-full",
              current.colour ? CLUSTER_COLOUR_CLASSES[current.colour].fill : "bg-line",
            )}
          />
        </>
      ) : null}
      {/* The select names the cluster this page shows; switching keeps the page. */}
      <Select
        aria-label="Switch cluster"
        className="h-8 w-40"
        value={current?.id ?? NO_CLUSTER}
        disabled={isChecking}
        onChange={(event) => {
          const target = clusters.data.find((cluster) => cluster.id === event.target.value);
          if (target && target.id !== current?.id) void switchTo(target);
        }}
      >
        {current ? null : (
          <option value={NO_CLUSTER} disabled>
            Open a cluster…
          </option>
        )}
        {clusters.data.map((cluster) => (
          <option key={cluster.id} value={cluster.id}>
            {cluster.label ? `${cluster.name} (${cluster.label})` : cluster.name}
          </option>
        ))}
      </Select>
      {current?.label ? <ClusterLabel label={current.label} colour={current.colour} /> : null}
      {me.role === "admin" ? (
        <Link
          href="/admin/clusters"
          aria-label="Cluster settings"
          title="Cluster settings"
          className="hover:bg-surface-raised text-muted hover:text-ink flex shrink-0 items-center gap-1 rounded-md px-2 py-1.5 whitespace-nowrap"
        >
          <Settings aria-hidden className="size-4" />
          <span className="hidden 2xl:inline">Cluster settings</span>
        </Link>
      ) : null}
    </div>
  );
}
