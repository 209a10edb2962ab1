import type { TPipelineDocument } from "~/domain/pipelines/document";
import { deployedSteps } from "~/domain/pipelines/runtime/deployed-steps";
import type { TDeadLetterRecord } from "~/domain/pipelines/runtime/runtime-dto";
import { nodeTitle } from "../canvas/node-text";

/** The dead letters of one step, with what a replay needs: the step's name and its input topic. */
export type TDeadLetterGroup = {
  nodeId: string;
  stepName: string;
  inputTopic: string | null;
  records: TDeadLetterRecord[];
};

/**
 * Dead letters grouped by the step that sent them (the tributary-step header), in the order the
 * steps appear in the document; records without a step header, or of a step the open document no
 * longer has, come last under their id (they can be read, not replayed from here).
 */
export function deadLetterGroups(
  document: TPipelineDocument,
  records: readonly TDeadLetterRecord[],
): TDeadLetterGroup[] {
  const steps = deployedSteps(document);
  const groups = new Map<string, TDeadLetterGroup>();
  for (const step of steps) {
    groups.set(step.nodeId, {
      nodeId: step.nodeId,
      stepName: nodeTitle(step.node),
      inputTopic: step.inputTopic,
      records: [],
    });
  }
  for (const record of records) {
    const nodeId = record.step ?? "";
    let group = groups.get(nodeId);
    if (!group) {
      group = { nodeId, stepName: nodeId === "" ? "Unknown step" : nodeId, inputTopic: null, records: [] };
      groups.set(nodeId, group);
    }
    group.records.push(record);
  }
  return [...groups.values()].filter((group) => group.records.length > 0);
}

/** Whether the open document still has this step, so its dead letters can be replayed into its input. */
export function canReplayGroup(document: TPipelineDocument, group: TDeadLetterGroup): boolean {
  return group.nodeId !== "" && document.nodes.some((node) => node.id === group.nodeId && node.kind !== "topic");
}
