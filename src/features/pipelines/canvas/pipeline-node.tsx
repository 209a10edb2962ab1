"use client";

import { Handle, Position, type NodeProps } from "@xyflow/react";
import { AlertTriangle, XCircle } from "lucide-react";
import { specOf } from "~/domain/pipelines/kinds";
import type { TCanvasNode } from "~/domain/pipelines/canvas";
import { cn } from "~/lib/cn";
import { DEAD_LETTER_HANDLE } from "../runtime/dead-letter-edges";
import { LiveNodeMarks } from "../runtime/live-node-marks";
import { KindIcon } from "./kind-icon";
import { nodePorts, nodeSummary, nodeTitle } from "./node-text";

const DIFF_STYLES = {
  added: "ring-2 ring-ok",
  removed: "ring-2 ring-danger opacity-60",
  changed: "ring-2 ring-warn",
} as const;
const DIFF_WORDS = { added: "Added", removed: "Removed", changed: "Changed" } as const;

/**
 * One node on the canvas: its kind's icon, title and summary, a handle per port (ids are the
 * port names, so edges name them), the problems the rules found (the sentences in the title and
 * under the node), the last dry run's counts, its mark in a revision diff, and while the pipeline
 * is deployed its live state (state, rates, lag, instances with their partitions).
 */
export function PipelineNodeView({ id, data, selected }: NodeProps<TCanvasNode>) {
  const { node, problems, run, diff, live } = data;
  const spec = specOf(node.kind);
  const { inputs, outputs } = nodePorts(node);
  const errors = problems.filter((problem) => problem.severity === "error");
  const warnings = problems.filter((problem) => problem.severity === "warning");
  const sentences = problems.map((problem) => problem.sentence).join("\n");
  const isTopic = spec.category === "topic";
  return (
    <div
      title={sentences || undefined}
      data-kind={node.kind}
      data-problems={problems.length}
      className={cn(
        "bg-surface text-ink w-56 rounded-lg border px-3 py-2 text-left text-xs shadow-sm",
        isTopic ? "border-accent/50 rounded-full px-4" : "border-line",
        live?.kind === "dead-letters" && "border-danger/60",
        live?.kind === "dead-letters" && live.isVirtual && "border-dashed",
        errors.length > 0 && "border-danger",
        errors.length === 0 && warnings.length > 0 && "border-warn",
        selected && "ring-accent ring-2",
        diff ? DIFF_STYLES[diff] : null,
      )}
    >
      {inputs.map((port, index) => (
        <Handle
          key={`in-${port}`}
          id={port}
          type="target"
          position={Position.Left}
          title={port === "in" ? "Input" : `Input: ${port}`}
          style={{ top: `${((index + 1) / (inputs.length + 1)) * 100}%` }}
          className="!bg-muted !size-2.5"
        />
      ))}
      <div className="flex items-center gap-2">
        <KindIcon icon={spec.icon} className={cn("size-4 shrink-0", isTopic ? "text-accent" : "text-muted")} />
        <span className="min-w-0 flex-1 truncate text-sm font-medium">{nodeTitle(node)}</span>
        {diff ? <span className="text-muted shrink-0">{DIFF_WORDS[diff]}</span> : null}
        {errors.length > 0 ? (
          <XCircle aria-label={`${errors.length} error(s)`} className="text-danger size-4 shrink-0" />
        ) : warnings.length > 0 ? (
          <AlertTriangle aria-label={`${warnings.length} warning(s)`} className="text-warn size-4 shrink-0" />
        ) : null}
      </div>
      <NodeSummaryLine isTopic={isTopic} kindLabel={spec.label} summary={nodeSummary(node)} />
      {problems.length > 0 ? (
        <ul className="mt-1 space-y-0.5">
          {problems.slice(0, 3).map((problem, index) => (
            <li key={index} className={cn("line-clamp-2", problem.severity === "error" ? "text-danger" : "text-warn")}>
              {problem.sentence}
            </li>
          ))}
          {problems.length > 3 ? <li className="text-muted">and {problems.length - 3} more</li> : null}
        </ul>
      ) : null}
      {run ? (
        <p className="text-muted mt-1 font-mono" data-testid="node-run">
          in {run.received} · out {run.emitted}
          {run.deadLettered > 0 ? <span className="text-danger"> · dead {run.deadLettered}</span> : null}
        </p>
      ) : null}
      {live ? <LiveNodeMarks nodeId={id} mark={live} /> : null}
      {isTopic ? null : (
        // Dead-letter edges leave from the bottom; never a place to start a connection.
        <Handle
          id={DEAD_LETTER_HANDLE}
          type="source"
          position={Position.Bottom}
          isConnectable={false}
          className="!pointer-events-none !size-1 !border-0 !bg-transparent"
        />
      )}
      {outputs.map((port, index) => (
        <Handle
          key={`out-${port}`}
          id={port}
          type="source"
          position={Position.Right}
          title={port === "out" ? "Output" : `Output: ${port}`}
          style={{ top: `${((index + 1) / (outputs.length + 1)) * 100}%` }}
          className="!bg-muted !size-2.5"
        >
          {outputs.length > 1 ? (
            <span className="text-muted pointer-events-none absolute right-3 -translate-y-1/2 text-[10px]">{port}</span>
          ) : null}
        </Handle>
      ))}
    </div>
  );
}

function NodeSummaryLine({ isTopic, kindLabel, summary }: { isTopic: boolean; kindLabel: string; summary: string }) {
  const text = summary || (isTopic ? "" : kindLabel);
  if (!text) return null;
  return <p className="text-muted mt-0.5 truncate font-mono">{text}</p>;
}

export const PIPELINE_NODE_TYPES = { pipeline: PipelineNodeView };
