"use client";

import { useQuery } from "@tanstack/react-query";
import { ReactFlowProvider } from "@xyflow/react";
import { Suspense } from "react";
import { ErrorBanner } from "~/components/ui/banner";
import { Breadcrumb } from "~/components/ui/breadcrumb";
import { Button } from "~/components/ui/button";
import { Skeleton } from "~/components/ui/skeleton";
import { useTRPC } from "~/trpc/react";
import { pipelinesHref } from "../pipeline-links";
import { EditorWorkspace } from "./editor-workspace";

/**
 * Loads the pipeline once and hands its document to the workspace, which owns it from then on
 * (later reads of the same pipeline do not overwrite the user's edits; a conflict says so).
 */
export function PipelineEditor({ clusterId, pipelineId }: { clusterId: string; pipelineId: string }) {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.pipelines.get.queryOptions({ clusterId, pipelineId }),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  if (query.data) {
    return (
      <ReactFlowProvider>
        {/* useSearchParams (?node=) needs a Suspense boundary. */}
        <Suspense>
          <EditorWorkspace key={query.data.id} detail={query.data} />
        </Suspense>
      </ReactFlowProvider>
    );
  }
  return (
    <div className="space-y-4">
      <Breadcrumb parent={{ href: pipelinesHref(clusterId), label: "Pipelines" }} current="Pipeline" />
      {query.isPending ? (
        <div aria-busy="true" aria-label="Loading the pipeline" className="space-y-3">
          <Skeleton className="h-8 w-64" />
          <Skeleton className="h-[60vh] w-full" />
        </div>
      ) : (
        <ErrorBanner
          error={query.error}
          actions={
            <Button onClick={() => void query.refetch()} disabled={query.isFetching}>
              Retry
            </Button>
          }
        />
      )}
    </div>
  );
}
