import "server-only";
import type { z } from "zod";
import type { TDeployPlan, TDeploymentDto } from "~/domain/pipelines/runtime/runtime-dto";
import type { ZDeployInput, ZDeploymentRef } from "~/domain/pipelines/runtime/runtime-requests";
import type { TAuditActor } from "../audit/audited";

type TDeploymentRef = z.infer<typeof ZDeploymentRef>;

/** Placeholder of the shared contract (issue 14): the deploy work fills these. */
const notYet = (): never => {
  throw new Error("The pipeline runtime is not built yet.");
};

/** What deploying the pipeline's newest revision would do: topics, groups and where they start. */
export async function planDeploy(ref: TDeploymentRef): Promise<TDeployPlan> {
  void ref;
  return notYet();
}

/** Applies the plan (topics from their definitions, changelog topics) and wants the revision running. Audited. */
export async function deployPipeline(ctx: TAuditActor, input: z.infer<typeof ZDeployInput>): Promise<TDeploymentDto> {
  void ctx;
  void input;
  return notYet();
}

export async function stopDeployment(ctx: TAuditActor, ref: TDeploymentRef): Promise<TDeploymentDto> {
  void ctx;
  void ref;
  return notYet();
}

export async function resumeDeployment(ctx: TAuditActor, ref: TDeploymentRef): Promise<TDeploymentDto> {
  void ctx;
  void ref;
  return notYet();
}
