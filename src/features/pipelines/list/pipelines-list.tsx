"use client";

import { useQuery } from "@tanstack/react-query";
import { Workflow } from "lucide-react";
import Link from "next/link";
import { Badge } from "~/components/ui/badge";
import { ErrorBanner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Skeleton } from "~/components/ui/skeleton";
import type { TPipelineSummary } from "~/domain/pipelines/pipeline-dto";
import { pluralize } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { pipelineHref } from "../pipeline-links";
import { ImportPipelineButton } from "../yaml/pipeline-yaml-actions";
import { NewPipelineDialog } from "./new-pipeline-dialog";

/** The pipelines of one cluster: what each reads and writes, whether it is ready, who changed it last. */
export function PipelinesList({ clusterId }: { clusterId: string }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.pipelines.list.queryOptions({ clusterId }));
  return (
    <section aria-labelledby="pipelines-heading" className="space-y-5">
      <header className="flex flex-wrap items-start gap-3">
        <div className="min-w-0 flex-1 space-y-1">
          <h1 id="pipelines-heading" className="text-2xl font-semibold">
            Pipelines
          </h1>
          <p className="text-muted text-sm">
            Chains of topics and processing steps — raw → clean → model → results — designed, checked and tried here.
          </p>
        </div>
        <div className="flex items-start gap-2">
          <ImportPipelineButton clusterId={clusterId} />
          <NewPipelineDialog clusterId={clusterId} />
        </div>
      </header>
      <ErrorBanner
        error={list.error}
        actions={
          <Button onClick={() => void list.refetch()} disabled={list.isFetching}>
            Retry
          </Button>
        }
      />
      {list.isPending ? (
        <Card aria-busy="true" aria-label="Loading pipelines" className="space-y-3 p-5">
          <Skeleton className="h-5 w-full" />
          <Skeleton className="h-5 w-full" />
          <Skeleton className="h-5 w-3/4" />
        </Card>
      ) : list.data && list.data.length === 0 ? (
        <Card>
          <EmptyState icon={<Workflow aria-hidden className="size-8" />} title="No pipeline yet">
            <p>Start one from a blank canvas or from the telemetry template, then drag topics and steps onto it.</p>
          </EmptyState>
        </Card>
      ) : list.data ? (
        <PipelineTable clusterId={clusterId} pipelines={list.data} />
      ) : null}
    </section>
  );
}

function PipelineTable({ clusterId, pipelines }: { clusterId: string; pipelines: TPipelineSummary[] }) {
  return (
    <Card className="overflow-x-auto">
      <table className="w-full text-sm">
        <thead className="text-muted text-left text-xs">
          <tr>
            <th scope="col" className="px-3 py-2 pl-5 font-medium">
              Pipeline
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Status
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Reads → writes
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Nodes
            </th>
            <th scope="col" className="px-3 py-2 pr-5 font-medium">
              Last change
            </th>
          </tr>
        </thead>
        <tbody>
          {pipelines.map((pipeline) => (
            <tr key={pipeline.id} className="border-line border-t align-top" data-testid="pipeline-row">
              <td className="px-3 py-2 pl-5">
                <Link href={pipelineHref(clusterId, pipeline.id)} className="text-accent font-medium hover:underline">
                  {pipeline.name}
                </Link>
                {pipeline.description ? (
                  <p className="text-muted line-clamp-1 text-xs">{pipeline.description}</p>
                ) : null}
              </td>
              <td className="px-3 py-2">
                <Badge tone={pipeline.status === "ready" ? "ok" : "neutral"}>
                  {pipeline.status === "ready" ? "Ready" : "Draft"}
                </Badge>
              </td>
              <td className="px-3 py-2 font-mono text-xs">
                {pipeline.sources.join(", ") || "—"} → {pipeline.sinks.join(", ") || "—"}
              </td>
              <td className="px-3 py-2">{pluralize(pipeline.nodeCount, "node")}</td>
              <td className="text-muted px-3 py-2 pr-5 text-xs">
                {/* The browser's time zone, which the server cannot know. */}
                <span suppressHydrationWarning>{new Date(pipeline.updatedAt).toLocaleString()}</span> by{" "}
                {pipeline.updatedBy}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
