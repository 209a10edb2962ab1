/**
 * What `npm run tributary -- plan|apply` prints: the plan as lines a person reads in a terminal or a
 * CI log, and each apply event as it happens. Pure, so the wording is tested without a cluster.
 */
import type { TApplyEvent } from "../../src/domain/definitions/definition-dto";
import { describePlanStep, type TPlan, type TPlanStep } from "../../src/domain/definitions/plan";
import { pluralize } from "../../src/lib/format";

const MARKS: Record<TPlanStep["kind"], string> = { create: "+", addPartitions: "+", alterConfigs: "~" };

/** The sentence that opens a plan with nothing to do: the round trip (export → plan) prints exactly this. */
export const NO_CHANGES = "No changes: the cluster matches the definitions.";
export const NOTHING_IT_CAN_DO = "No changes it can make: every difference left is refused below.";

export function planLines(plan: TPlan, clusterName: string, definitionCount: number): string[] {
  const header = `Plan for ${pluralize(definitionCount, "definition")} on cluster ${clusterName}:`;
  const lines = [header];
  if (plan.steps.length === 0) lines.push(`  ${plan.refusals.length === 0 ? NO_CHANGES : NOTHING_IT_CAN_DO}`);
  for (const step of plan.steps) lines.push(`  ${MARKS[step.kind]} ${describePlanStep(step)}`);
  if (plan.refusals.length > 0) {
    lines.push("", `Not changed (${plan.refusals.length}):`);
    for (const refusal of plan.refusals) lines.push(`  ! ${refusal.topicName} ${refusal.field}: ${refusal.sentence}`);
  }
  lines.push(
    "",
    plan.refusals.length === 0
      ? `${pluralize(plan.steps.length, "step")}.`
      : `${pluralize(plan.steps.length, "step")}; ${plan.refusals.length} refused, so the cluster will still differ there.`,
  );
  return lines;
}

/** One line per event that says something new; "running" is followed by "done" or "failed" at once. */
export function applyEventLine(event: TApplyEvent): string | null {
  switch (event.kind) {
    case "plan":
      return null;
    case "step": {
      const position = `[${event.index + 1}/${event.total}]`;
      if (event.status === "running") return `${position} ${event.description} …`;
      if (event.status === "done") return `${position} done`;
      return `${position} failed: ${event.sentence ?? "no reason was given."}`;
    }
    case "finished":
      if (event.failed) return `Stopped at the first error; ${pluralize(event.applied, "step")} applied before it.`;
      if (event.cancelled) return `Cancelled; ${pluralize(event.applied, "step")} applied before that.`;
      return `Applied ${pluralize(event.applied, "step")}.`;
  }
}
