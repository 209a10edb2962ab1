"use client";

import { useQuery } from "@tanstack/react-query";
import { Cpu } from "lucide-react";
import { useState } from "react";
import { ErrorBanner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Skeleton } from "~/components/ui/skeleton";
import { useTRPC } from "~/trpc/react";
import type { TWorkerSort } from "./worker-sort";
import { WorkerTable } from "./worker-table";

/** Every 2 s: a pass, a takeover or a runner's heartbeat shows without a reload. */
const REFRESH_MS = 2_000;

/** The one list of long-lived work: this server's, the other web servers' (by lease) and the runners'. */
export function WorkersOverview() {
  const trpc = useTRPC();
  const [sort, setSort] = useState<TWorkerSort>({ key: "state", descending: false });
  const workers = useQuery({ ...trpc.workers.list.queryOptions(), refetchInterval: REFRESH_MS });
  const counts = workers.data
    ? {
        web: workers.data.filter((row) => row.processKind === "web").length,
        runner: workers.data.filter((row) => row.processKind === "runner").length,
      }
    : null;

  return (
    <section aria-labelledby="workers-heading" className="space-y-5">
      <header className="space-y-1">
        <h1 id="workers-heading" className="text-2xl font-semibold">
          Background work
        </h1>
        <p className="text-muted max-w-3xl text-sm">
          Samplers, sweeps, checks, live sources and pipeline steps. Jobs that write to the database run on one web
          server at a time (by lease); the others wait in standby and take over within seconds when it stops.
          {counts ? ` ${counts.web} on web servers, ${counts.runner} step members on runners.` : null}
        </p>
      </header>

      <ErrorBanner
        error={workers.error}
        actions={
          <Button onClick={() => void workers.refetch()} disabled={workers.isFetching}>
            Retry
          </Button>
        }
      />

      {workers.isPending ? (
        <Card aria-busy="true" aria-label="Loading the background work" className="space-y-3 p-5">
          <Skeleton className="h-5 w-full" />
          <Skeleton className="h-5 w-3/4" />
        </Card>
      ) : workers.data ? (
        <Card>
          {workers.data.length === 0 ? (
            <EmptyState icon={<Cpu aria-hidden className="size-6" />} title="No background work runs.">
              The web server starts its samplers and sweeps at boot; deployed pipelines add their steps when a runner
              runs them (npm run runner).
            </EmptyState>
          ) : (
            <WorkerTable rows={workers.data} sort={sort} onSort={setSort} now={workers.dataUpdatedAt} />
          )}
        </Card>
      ) : null}
    </section>
  );
}
