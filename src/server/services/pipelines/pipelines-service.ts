import "server-only";
import type { z } from "zod";
import type {
  TPipelineDetail,
  TPipelineSummary,
  TRevisionDetail,
  TRevisionSummary,
} from "~/domain/pipelines/pipeline-dto";
import type {
  ZPipelineCreateInput,
  ZPipelineListInput,
  ZPipelineRef,
  ZPipelineSaveInput,
  ZPipelineStatusInput,
  ZRestoreInput,
  ZRevisionRef,
} from "~/domain/pipelines/pipeline-requests";
import { AppError } from "~/lib/app-error";
import type { TAuditActor } from "../audit/audited";

// CONTRACT PLACEHOLDER: the persistence helper implements these (signatures are the contract).
const notYet = (): never => {
  throw new AppError("INTERNAL", "Pipelines are being built.");
};

export async function listPipelines(input: z.output<typeof ZPipelineListInput>): Promise<TPipelineSummary[]> {
  void input;
  return notYet();
}
export async function getPipeline(input: z.output<typeof ZPipelineRef>): Promise<TPipelineDetail> {
  void input;
  return notYet();
}
export async function createPipeline(
  by: TAuditActor,
  input: z.output<typeof ZPipelineCreateInput>,
): Promise<TPipelineDetail> {
  void by;
  void input;
  return notYet();
}
export async function savePipeline(
  by: TAuditActor,
  input: z.output<typeof ZPipelineSaveInput>,
): Promise<TPipelineDetail> {
  void by;
  void input;
  return notYet();
}
export async function setPipelineStatus(
  by: TAuditActor,
  input: z.output<typeof ZPipelineStatusInput>,
): Promise<TPipelineDetail> {
  void by;
  void input;
  return notYet();
}
export async function removePipeline(by: TAuditActor, input: z.output<typeof ZPipelineRef>): Promise<void> {
  void by;
  void input;
  return notYet();
}
export async function listRevisions(input: z.output<typeof ZPipelineRef>): Promise<TRevisionSummary[]> {
  void input;
  return notYet();
}
export async function getRevision(input: z.output<typeof ZRevisionRef>): Promise<TRevisionDetail> {
  void input;
  return notYet();
}
export async function restoreRevision(
  by: TAuditActor,
  input: z.output<typeof ZRestoreInput>,
): Promise<TPipelineDetail> {
  void by;
  void input;
  return notYet();
}
