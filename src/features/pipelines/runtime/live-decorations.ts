import type { TCanvasEdge, TCanvasNode } from "~/domain/pipelines/canvas";
import type { TPipelineDocument } from "~/domain/pipelines/document";
import type { TLiveEdgeMark, TLiveNodeMark, TLiveStepMark } from "~/domain/pipelines/runtime/live-marks";
import type { TRuntimeOverlay, TStepRuntime } from "~/domain/pipelines/runtime/runtime-dto";
import { pluralize } from "~/lib/format";
import { deadLetterDrawing } from "./dead-letter-edges";
import { instanceMarks, runnerNames } from "./instance-marks";
import { formatCompactCount, formatLag, formatRate } from "./live-format";

/** The overlay's marks for one canvas: what each node and edge shows, plus what it draws beyond the document. */
export type TLiveDecorations = {
  nodes: ReadonlyMap<string, TLiveNodeMark>;
  edges: ReadonlyMap<string, TLiveEdgeMark>;
  /** Edges from each step that dead-lettered to the dead-letter topic. */
  extraEdges: TCanvasEdge[];
  /** The dead-letter topic's virtual node, when the topic is not on the canvas. */
  extraNodes: TCanvasNode[];
};

const STATE_WORDS = { starting: "Starting", running: "Running", failed: "Failed", stopped: "Stopped" } as const;

function stepMark(step: TStepRuntime, names: ReadonlyMap<string, string>): TLiveStepMark {
  const instances = instanceMarks(step, names);
  const failed = instances.filter((instance) => instance.tone === "failed").length;
  const content = {
    kind: "step" as const,
    state: step.state,
    // A failed step says why; a stopped one may too ("No runner runs this step yet; …").
    stateText: step.reason ? `${STATE_WORDS[step.state]}: ${step.reason}` : STATE_WORDS[step.state],
    lag: formatLag(step.lag),
    rates: `in ${formatRate(step.inRate)} · out ${formatRate(step.outRate)}`,
    deadLetters:
      step.deadLettered > 0
        ? step.deadLettered < 1_000
          ? pluralize(step.deadLettered, "dead letter")
          : `${formatCompactCount(step.deadLettered)} dead letters`
        : null,
    errors: failed > 0 ? `${pluralize(failed, "instance")} failed` : null,
    instances,
    idleReason: step.idleReason,
  };
  return { ...content, signature: JSON.stringify(content) };
}

function notDeployedMark(revision: number): TLiveStepMark {
  const stateText = `Not in the deployed revision ${revision}`;
  return {
    kind: "step",
    state: "not-deployed",
    stateText,
    lag: null,
    rates: "",
    deadLetters: null,
    errors: null,
    instances: [],
    idleReason: null,
    signature: stateText,
  };
}

/**
 * The runtime overlay as marks on the open document, matched by node and edge id (the deployed
 * revision may be another one: steps it lacks read "Not in the deployed revision", edges it lacks
 * show no rate). Null while the pipeline is not deployed. Pure, like decorateCanvas.
 */
export function liveDecorations(document: TPipelineDocument, overlay: TRuntimeOverlay | null): TLiveDecorations | null {
  const deployment = overlay?.deployment;
  if (!overlay || !deployment) return null;
  const names = runnerNames(overlay.runners);
  const nodes = new Map<string, TLiveNodeMark>();
  for (const node of document.nodes) {
    if (node.kind === "topic") continue;
    const step = overlay.steps[node.id];
    nodes.set(node.id, step ? stepMark(step, names) : notDeployedMark(deployment.revision));
  }
  const edges = new Map<string, TLiveEdgeMark>();
  for (const edge of document.edges) {
    const rate = overlay.edges[edge.id]?.rate;
    if (rate === undefined) continue;
    edges.set(edge.id, { rate: formatRate(rate), isIdle: rate <= 0, isDeadLetter: false });
  }
  const deadLetters = deadLetterDrawing(document, overlay);
  if (deadLetters && !deadLetters.mark.isVirtual) nodes.set(deadLetters.targetId, deadLetters.mark);
  return {
    nodes,
    edges,
    extraEdges: deadLetters?.edges ?? [],
    extraNodes: deadLetters?.virtualNode ? [deadLetters.virtualNode] : [],
  };
}

/** A sentence for screen readers: what the node is doing now. */
export function liveAriaText(mark: TLiveNodeMark): string {
  if (mark.kind === "dead-letters") return `Dead-letter topic: ${mark.text}.`;
  if (mark.state === "not-deployed") return `${mark.stateText}.`;
  const parts = [mark.stateText, mark.rates, mark.lag, mark.deadLetters, pluralize(mark.instances.length, "instance")];
  return `${parts.filter(Boolean).join(", ")}.`;
}
