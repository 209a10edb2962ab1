/** Auto-layout left to right (dagre): raw topics on the left, results on the right. */
import type { TPipelineDocument } from "./document";

// CONTRACT PLACEHOLDER: the document helper implements this.
export function autoLayout(document: TPipelineDocument): TPipelineDocument {
  return document;
}
