/**
 * Every rule a pipeline must keep, checked in one place. The canvas shows each problem on the node
 * or edge it names; the server refuses "ready" while any error remains.
 */
import type { TPipelineDocument } from "./document";
import type { TPipelineFacts, TPipelineProblem } from "./pipeline-dto";

// CONTRACT PLACEHOLDER: the document helper implements the rules (see pipeline-dto's PIPELINE_RULES).
export function checkPipeline(document: TPipelineDocument, facts: TPipelineFacts): TPipelineProblem[] {
  void document;
  void facts;
  return [];
}

/** Whether the problems allow "ready to deploy" (no errors; warnings are allowed). */
export function isDeployable(problems: readonly TPipelineProblem[]): boolean {
  return problems.every((problem) => problem.severity !== "error");
}
