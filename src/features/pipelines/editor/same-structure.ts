import type { TPipelineDocument } from "~/domain/pipelines/document";

/**
 * Whether two documents differ at most in node positions (a drag). The rules read no positions, so
 * the editor keeps their answer while a node is dragged instead of checking the pipeline each frame.
 * Edits never mutate, so unchanged parts keep their identity and the comparison is by reference.
 */
export function sameStructure(a: TPipelineDocument, b: TPipelineDocument): boolean {
  if (a === b) return true;
  if (a.edges !== b.edges || a.settings !== b.settings || a.name !== b.name) return false;
  if (a.nodes.length !== b.nodes.length) return false;
  return a.nodes.every((node, index) => {
    const other = b.nodes[index];
    return (
      other !== undefined &&
      node.id === other.id &&
      node.kind === other.kind &&
      node.label === other.label &&
      node.config === other.config
    );
  });
}
