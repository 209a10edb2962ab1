import "server-only";
import type { TPipelineModel } from "~/domain/pipelines/pipeline-dto";
import { AppError } from "~/lib/app-error";
import type { TAuditActor } from "../audit/audited";

// CONTRACT PLACEHOLDER: the dry-run helper implements these (uploads arrive at /api/pipelines/models).
export async function listModels(): Promise<TPipelineModel[]> {
  throw new AppError("INTERNAL", "Models are being built.");
}
export async function removeModel(by: TAuditActor, modelId: string): Promise<void> {
  void by;
  void modelId;
  throw new AppError("INTERNAL", "Models are being built.");
}
