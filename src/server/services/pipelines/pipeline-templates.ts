import "server-only";
import { ZPipelineDocument, type TPipelineDocument } from "~/domain/pipelines/document";
import type { TTemplateId } from "~/domain/pipelines/pipeline-requests";
import { PIPELINE_TEMPLATES } from "~/domain/pipelines/templates";
import { AppError } from "~/lib/app-error";

/**
 * The document a new pipeline starts from: the template's (or an empty canvas), under the chosen
 * name and description, validated as any saved document is — a bad name is refused with the
 * document's own sentence.
 */
export function documentFromTemplate(templateId: TTemplateId, name: string, description: string): TPipelineDocument {
  const template = PIPELINE_TEMPLATES.find((candidate) => candidate.id === templateId);
  if (!template && templateId !== "blank") {
    throw new AppError("BAD_INPUT", `The template ${templateId} is not available.`, "Start from a blank pipeline.");
  }
  // Settings left out take the document's defaults.
  const base = template ? template.document(name.trim()) : { description: "", nodes: [], edges: [] };
  // An empty description keeps the template's own (which says what the chain does).
  const parsed = ZPipelineDocument.safeParse({ ...base, name, ...(description.trim() ? { description } : {}) });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new AppError(
    "BAD_INPUT",
    issue?.message ?? "The pipeline is not valid.",
    issue?.path[0] === "name" ? "Choose another name." : "Start from a blank pipeline.",
  );
}
