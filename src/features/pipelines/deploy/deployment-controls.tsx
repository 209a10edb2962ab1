"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Play } from "lucide-react";
import type { TPermission } from "~/components/auth/use-me";
import { Button } from "~/components/ui/button";
import type { TPipelineDetail } from "~/domain/pipelines/pipeline-dto";
import { toUserMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";
import type { TRuntimeWatch } from "../runtime/use-runtime-overlay";
import { DeployDialog } from "./deploy-dialog";
import { deployBlocker, deployButtonLabel, deploymentLine, failedSteps } from "./deployment-text";
import { StopDialog } from "./stop-dialog";

/**
 * The deployment in the editor's toolbar: which revision runs (or that it is stopped), Stop and
 * Resume, Deploy (or Redeploy once a newer revision is saved), and each failed step's reason.
 */
export function DeploymentControls({
  detail,
  permission,
  saveFirst,
  watch,
}: {
  detail: TPipelineDetail;
  permission: TPermission;
  saveFirst: () => Promise<boolean>;
  /** The editor's one runtime.watch: a failed step or a stop by someone else shows within a second. */
  watch: TRuntimeWatch;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ref = { clusterId: detail.clusterId, pipelineId: detail.id };
  const status = watch.overlay;
  const options = { onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.runtime.pathKey() }) };
  const stop = useMutation(trpc.runtime.stop.mutationOptions(options));
  const resume = useMutation(trpc.runtime.resume.mutationOptions(options));
  const deployment = status?.deployment ?? null;
  const failed = failedSteps(status?.steps);
  const changeError = stop.error ?? resume.error;
  const isChanging = stop.isPending || resume.isPending;

  return (
    <div className="flex flex-col items-end gap-1" data-testid="deployment-controls">
      <div className="flex flex-wrap items-center justify-end gap-2">
        {/* Not a live region: "… 12 s ago" changes with every read, which a screen reader would repeat. */}
        <p className="text-muted text-sm" data-testid="deployment-status">
          {watch.error && !status
            ? `Deployment status unavailable: ${toUserMessage(watch.error).message}`
            : status
              ? deploymentLine(deployment, status.at)
              : "Reading the deployment…"}
        </p>
        {deployment?.desiredState === "running" ? (
          <StopDialog
            name={detail.document.name}
            revision={deployment.revision}
            disabled={!permission.allowed || isChanging}
            reason={permission.reason}
            onStop={() => {
              resume.reset();
              stop.mutate(ref);
            }}
          />
        ) : null}
        {deployment?.desiredState === "stopped" ? (
          <Button
            className="h-8"
            disabled={!permission.allowed || isChanging}
            title={permission.reason}
            onClick={() => {
              stop.reset();
              resume.mutate(ref);
            }}
          >
            <Play aria-hidden className="size-4" />
            Resume
          </Button>
        ) : null}
        <DeployDialog
          detail={detail}
          label={deployButtonLabel(detail.revision, deployment)}
          blocker={deployBlocker(permission, detail.status)}
          saveFirst={saveFirst}
        />
      </div>
      {changeError ? (
        <p className="text-danger max-w-96 text-right text-xs" role="alert">
          {toUserMessage(changeError).message}
        </p>
      ) : null}
      {failed.length > 0 ? (
        <ul className="max-w-96 space-y-0.5 text-right text-xs" aria-label="Failed steps">
          {failed.map((step) => (
            <li key={step.nodeId} className="text-danger">
              <span className="font-mono">{step.nodeId}</span> failed: {step.reason}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
