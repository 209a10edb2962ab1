"use client";

import type { TPipelineDocument } from "~/domain/pipelines/document";
import type { TRuntimeOverlay } from "~/domain/pipelines/runtime/runtime-dto";
import { DeadLettersSection } from "./dead-letters-section";
import { formatAge } from "./live-format";
import { LiveSection } from "./live-section";
import { RunnersList } from "./runners-list";

/** Nothing selected: the deployment, the runners that run it, and the dead letters of every step. */
export function PipelineLiveView({
  clusterId,
  pipelineId,
  document,
  overlay,
}: {
  clusterId: string;
  pipelineId: string;
  document: TPipelineDocument;
  overlay: TRuntimeOverlay & { deployment: NonNullable<TRuntimeOverlay["deployment"]> };
}) {
  const { deployment } = overlay;
  return (
    <div className="space-y-5" data-testid="pipeline-live">
      <p className="text-xs">
        Revision {deployment.revision} {deployment.desiredState === "running" ? "runs" : "is stopped"}; deployed by{" "}
        {deployment.deployedBy} {formatAge(deployment.deployedAt, overlay.at)}.
      </p>
      <LiveSection title="Runners">
        <RunnersList runners={overlay.runners} now={overlay.at} />
      </LiveSection>
      {overlay.deadLetter ? (
        <DeadLettersSection
          clusterId={clusterId}
          pipelineId={pipelineId}
          document={document}
          topic={overlay.deadLetter.topic}
        />
      ) : null}
    </div>
  );
}
