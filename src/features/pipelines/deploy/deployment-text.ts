/** The sentences of the deploy controls, pure so that each case is tested. */
import type { TPipelineStatus } from "~/domain/pipelines/pipeline-dto";
import type { TDeploymentDto, TStepRuntime } from "~/domain/pipelines/runtime/runtime-dto";
import { formatDuration } from "~/lib/format";

/** "Running revision 4 · deployed by Ana 3 min ago", "Stopped · revision 4 · deployed by Ana 2 h ago", "Not deployed". */
export function deploymentLine(deployment: TDeploymentDto | null, now: Date): string {
  if (!deployment) return "Not deployed";
  const age = `deployed by ${deployment.deployedBy} ${formatDuration(now.getTime() - deployment.deployedAt.getTime())} ago`;
  return deployment.desiredState === "running"
    ? `Running revision ${deployment.revision} · ${age}`
    : `Stopped · revision ${deployment.revision} · ${age}`;
}

/** "Deploy" the first time, "Redeploy" once a newer revision was saved than the one running. */
export function deployButtonLabel(newestRevision: number, deployment: TDeploymentDto | null): "Deploy" | "Redeploy" {
  return deployment !== null && deployment.revision < newestRevision ? "Redeploy" : "Deploy";
}

/** Why Deploy is disabled, or null: the role first, then a draft (the server refuses it too). */
export function deployBlocker(
  permission: { allowed: boolean; reason: string | undefined },
  status: TPipelineStatus,
): string | null {
  if (!permission.allowed) return permission.reason ?? "Your role cannot deploy pipelines.";
  if (status !== "ready") return "Mark the pipeline ready to deploy first: a draft is not deployed.";
  return null;
}

export type TFailedStep = { nodeId: string; reason: string };

/** The steps that failed, with their reasons, in the document's order. */
export function failedSteps(steps: Record<string, TStepRuntime> | undefined): TFailedStep[] {
  return Object.values(steps ?? {})
    .filter((step) => step.state === "failed")
    .map((step) => ({ nodeId: step.nodeId, reason: step.reason ?? "No reason was reported." }));
}
