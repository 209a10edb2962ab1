"use client";

import { Skeleton } from "~/components/ui/skeleton";
import type { TPipelineDocument, TPipelineNode } from "~/domain/pipelines/document";
import { ErrorLine } from "./error-line";
import { PipelineLiveView } from "./pipeline-live-view";
import { StepLiveView } from "./step-live-view";
import { TopicLiveView } from "./topic-live-view";
import type { TRuntimeWatch } from "./use-runtime-overlay";

/**
 * The sidebar's "Live" tab: the selected step's or topic's live view, or the pipeline's when nothing
 * is selected; sentences while live data is missing, not deployed, or the step is not deployed.
 */
export function LiveTab({
  clusterId,
  pipelineId,
  document,
  watch,
  node,
}: {
  clusterId: string;
  pipelineId: string;
  document: TPipelineDocument;
  watch: TRuntimeWatch;
  node: TPipelineNode | null;
}) {
  const { overlay, error } = watch;
  if (error && !overlay) return <ErrorLine error={error} prefix="Live data is unavailable:" />;
  if (!overlay) {
    return (
      <div aria-busy="true" aria-label="Loading live data">
        <Skeleton className="h-32 w-full" />
      </div>
    );
  }
  const deployment = overlay.deployment;
  if (!deployment) {
    return <p className="text-muted text-xs">This pipeline is not deployed. Deploy it to see its steps run here.</p>;
  }
  const props = { clusterId, pipelineId, document, overlay };
  if (!node) return <PipelineLiveView {...props} overlay={{ ...overlay, deployment }} />;
  if (node.kind === "topic") return <TopicLiveView {...props} node={node} />;
  const step = overlay.steps[node.id];
  if (!step) {
    return (
      <p className="text-muted text-xs">
        This step is not in the deployed revision {deployment.revision}. Deploy the open revision to run it.
      </p>
    );
  }
  return <StepLiveView {...props} step={step} />;
}
