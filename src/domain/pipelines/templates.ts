/** Ready-made pipelines from the seeds, to adapt. */
import type { TPipelineDocument } from "./document";
import type { TTemplateId } from "./pipeline-requests";

export type TTemplate = {
  id: TTemplateId;
  title: string;
  description: string;
  document: (name: string) => TPipelineDocument;
};

// CONTRACT PLACEHOLDER: the document helper writes the seeds' chain and the windowed example.
export const PIPELINE_TEMPLATES: readonly TTemplate[] = [];
