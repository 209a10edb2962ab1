import { memoryStateStore } from "~/domain/pipelines/engine/memory-state";
import { specOf } from "~/domain/pipelines/kinds";
import type { TDeployedStep } from "~/domain/pipelines/runtime/deployed-steps";
import type { TStateStore, TStep, TStepHost } from "~/domain/pipelines/step-types";

/** The parts of a host shared by every partition of one member (state is per partition). */
export type TSharedHost = Omit<TStepHost, "state">;

/** Builds the step as the dry run's engine does (graph.ts); a bad config throws StepConfigError. */
export function buildStep(step: TDeployedStep, host: TSharedHost, state: TStateStore = memoryStateStore()): TStep {
  const createStep = specOf(step.kind).createStep;
  if (!createStep) throw new Error(`A ${step.kind} node is not a step.`);
  return createStep({
    nodeId: step.nodeId,
    config: step.node.config,
    inputTopic: step.inputTopic ?? "",
    tableTopic: step.tableTopic,
    outputTopics: step.outputTopics,
    host: { ...host, state },
  });
}
