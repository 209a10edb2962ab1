/** What changed between two documents, by node and edge id: the revisions page's visual diff. */
import type { TPipelineDocument } from "./document";
import type { TPipelineDiff } from "./pipeline-dto";

// CONTRACT PLACEHOLDER: the document helper implements this.
export function diffDocuments(before: TPipelineDocument, after: TPipelineDocument): TPipelineDiff {
  void before;
  void after;
  return {
    nodes: { added: [], removed: [], changed: [] },
    edges: { added: [], removed: [] },
    settings: [],
    nameChanged: false,
    descriptionChanged: false,
  };
}
