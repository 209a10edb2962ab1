import type { TCanvasEdge, TCanvasNode } from "~/domain/pipelines/canvas";
import type { TPipelineDocument, TPipelineNode } from "~/domain/pipelines/document";
import type { TLiveDeadLetterMark } from "~/domain/pipelines/runtime/live-marks";
import type { TRuntimeOverlay } from "~/domain/pipelines/runtime/runtime-dto";
import { pluralize } from "~/lib/format";
import { formatCompactCount, formatRate } from "./live-format";

/**
 * Ids of what the overlay draws beyond the document. Node ids are lower-case letters, digits and
 * '-' (NODE_ID_PATTERN), so a '~' can never collide with a node or a saved edge.
 */
export const VIRTUAL_DEAD_LETTER_NODE_ID = "~dead-letters";
const DEAD_LETTER_EDGE_PREFIX = "~dead-letter:";
/** The handle at the bottom of every step node that dead-letter edges leave from. */
export const DEAD_LETTER_HANDLE = "~dead-letters";

/** Node width (w-56) plus a gap: the virtual node sits one column right of the right-most node. */
const COLUMN_WIDTH = 320;

export const deadLetterEdgeId = (stepId: string) => `${DEAD_LETTER_EDGE_PREFIX}${stepId}`;

/** The step a dead-letter edge comes from; null for any other edge. */
export function stepOfDeadLetterEdge(edgeId: string): string | null {
  return edgeId.startsWith(DEAD_LETTER_EDGE_PREFIX) ? edgeId.slice(DEAD_LETTER_EDGE_PREFIX.length) : null;
}

export const isOverlayElement = (id: string) => id.startsWith("~");

export type TDeadLetterDrawing = {
  /** The node that stands for the dead-letter topic: a topic node of the document, or the virtual one. */
  targetId: string;
  mark: TLiveDeadLetterMark;
  edges: TCanvasEdge[];
  virtualNode: TCanvasNode | null;
};

function deadLetterText(total: number, rate: number): string {
  return `${total < 1_000 ? pluralize(total, "dead letter") : `${formatCompactCount(total)} dead letters`} · ${formatRate(rate)}`;
}

/**
 * The dead-letter topic drawn as edges: one from each step that dead-lettered, to the topic's node
 * when it is on the canvas, else to a virtual "Dead letters" node right of the graph, level with
 * those steps. Null when the pipeline has no dead-letter topic.
 */
export function deadLetterDrawing(document: TPipelineDocument, overlay: TRuntimeOverlay): TDeadLetterDrawing | null {
  const topic = overlay.deadLetter?.topic ?? document.settings.deadLetterTopic;
  if (!topic) return null;
  const total = overlay.deadLetter?.total ?? 0;
  const rate = overlay.deadLetter?.rate ?? 0;
  const sources = document.nodes.filter((node) => {
    const step = node.kind === "topic" ? undefined : overlay.steps[node.id];
    return step !== undefined && (step.deadLettered > 0 || step.deadLetterRate > 0);
  });
  const onCanvas = document.nodes.find((node) => node.kind === "topic" && node.config.topicName === topic);
  const targetId = onCanvas?.id ?? VIRTUAL_DEAD_LETTER_NODE_ID;
  const isVirtual = onCanvas === undefined;
  const text = deadLetterText(total, rate);
  const mark: TLiveDeadLetterMark = { kind: "dead-letters", text, isVirtual, signature: `${text}|${isVirtual}` };
  const edges = sources.map((node): TCanvasEdge => {
    const stepRate = overlay.steps[node.id]?.deadLetterRate ?? 0;
    return {
      id: deadLetterEdgeId(node.id),
      source: node.id,
      sourceHandle: DEAD_LETTER_HANDLE,
      target: targetId,
      targetHandle: "in",
      type: "pipeline",
      deletable: false,
      ariaLabel: `Dead letters from ${node.id} to ${topic}: ${formatRate(stepRate)}`,
      data: { problems: [], live: { rate: formatRate(stepRate), isIdle: stepRate <= 0, isDeadLetter: true } },
    };
  });
  const virtualNode = isVirtual && edges.length > 0 ? virtualDeadLetterNode(document, sources, topic, mark) : null;
  return { targetId, mark, edges, virtualNode };
}

function virtualDeadLetterNode(
  document: TPipelineDocument,
  sources: readonly TPipelineNode[],
  topic: string,
  mark: TLiveDeadLetterMark,
): TCanvasNode {
  const right = Math.max(...document.nodes.map((node) => node.position.x));
  const level = sources.reduce((sum, node) => sum + node.position.y, 0) / sources.length;
  const position = { x: right + COLUMN_WIDTH, y: level };
  const node: TPipelineNode = {
    id: VIRTUAL_DEAD_LETTER_NODE_ID,
    kind: "topic",
    label: "Dead letters",
    position,
    config: { topicName: topic },
  };
  return {
    id: VIRTUAL_DEAD_LETTER_NODE_ID,
    type: "pipeline",
    position,
    draggable: false,
    deletable: false,
    connectable: false,
    data: { node, problems: [], live: mark },
  };
}
