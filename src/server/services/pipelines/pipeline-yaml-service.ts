import "server-only";
import type { z } from "zod";
import type { TPipelineDetail } from "~/domain/pipelines/pipeline-dto";
import type { ZImportPipelineYamlInput, ZPipelineRef } from "~/domain/pipelines/pipeline-requests";
import { AppError } from "~/lib/app-error";
import type { TAuditActor } from "../audit/audited";

// CONTRACT PLACEHOLDER: the persistence helper implements these.
export async function exportPipelineYaml(
  input: z.output<typeof ZPipelineRef>,
): Promise<{ fileName: string; yaml: string }> {
  void input;
  throw new AppError("INTERNAL", "Pipelines are being built.");
}
export async function importPipelineYaml(
  by: TAuditActor,
  input: z.output<typeof ZImportPipelineYamlInput>,
): Promise<TPipelineDetail> {
  void by;
  void input;
  throw new AppError("INTERNAL", "Pipelines are being built.");
}
