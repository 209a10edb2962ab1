/**
 * Every rule a pipeline must keep, checked in one place. The canvas shows each problem on the node
 * or edge it names; the server refuses "ready" while any error remains. "output-schema" is the dry
 * run's: only the records a step really makes can be checked against its output topic's schema.
 */
import type { TPipelineDocument } from "./document";
import type { TPipelineFacts, TPipelineProblem } from "./pipeline-dto";
import { ruleContext } from "./rules-context";
import { stepFactProblems, topicProblems } from "./rules-facts";
import { configProblems, cycleProblems, edgeProblems, wiringProblems } from "./rules-structure";

export function checkPipeline(document: TPipelineDocument, facts: TPipelineFacts): TPipelineProblem[] {
  const context = ruleContext(document, facts);
  return [
    ...configProblems(context),
    ...edgeProblems(context),
    ...wiringProblems(context),
    ...cycleProblems(context),
    ...topicProblems(context),
    ...stepFactProblems(context),
  ];
}

/** Whether the problems allow "ready to deploy" (no errors; warnings are allowed). */
export function isDeployable(problems: readonly TPipelineProblem[]): boolean {
  return problems.every((problem) => problem.severity !== "error");
}
