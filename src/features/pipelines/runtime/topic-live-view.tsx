"use client";

import type { TPipelineDocument, TPipelineNode } from "~/domain/pipelines/document";
import type { TRuntimeOverlay } from "~/domain/pipelines/runtime/runtime-dto";
import { nodeTitle } from "../canvas/node-text";
import { DeadLettersSection } from "./dead-letters-section";
import { formatRate } from "./live-format";

/** A topic node, live: records per second on each edge into and out of it; the dead-letter topic lists its records. */
export function TopicLiveView({
  clusterId,
  pipelineId,
  document,
  overlay,
  node,
}: {
  clusterId: string;
  pipelineId: string;
  document: TPipelineDocument;
  overlay: TRuntimeOverlay;
  node: Extract<TPipelineNode, { kind: "topic" }>;
}) {
  const titles = new Map(document.nodes.map((candidate) => [candidate.id, nodeTitle(candidate)]));
  const flows = document.edges.flatMap((edge) => {
    const rate = overlay.edges[edge.id]?.rate;
    if (rate === undefined || (edge.source !== node.id && edge.target !== node.id)) return [];
    const isIn = edge.target === node.id;
    const other = titles.get(isIn ? edge.source : edge.target) ?? "";
    return [{ id: edge.id, text: isIn ? `from ${other}` : `to ${other}`, rate: formatRate(rate) }];
  });
  const isDeadLetterTopic = overlay.deadLetter?.topic === node.config.topicName;
  return (
    <div className="space-y-5" data-testid="topic-live">
      {flows.length > 0 ? (
        <ul className="space-y-1 text-xs" aria-label="Records per second on this topic's edges">
          {flows.map((flow) => (
            <li key={flow.id} className="flex justify-between gap-2">
              <span>{flow.text}</span>
              <span className="font-mono tabular-nums">{flow.rate}</span>
            </li>
          ))}
        </ul>
      ) : isDeadLetterTopic ? null : (
        <p className="text-muted text-xs">No deployed step reads or writes this topic on the canvas.</p>
      )}
      {isDeadLetterTopic ? (
        <DeadLettersSection
          clusterId={clusterId}
          pipelineId={pipelineId}
          document={document}
          topic={node.config.topicName}
        />
      ) : null}
    </div>
  );
}
