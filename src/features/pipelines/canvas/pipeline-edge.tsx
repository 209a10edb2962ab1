"use client";

import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from "@xyflow/react";
import type { TCanvasEdge } from "~/domain/pipelines/canvas";
import { cn } from "~/lib/cn";

const DIFF_COLOURS = {
  added: "var(--color-ok)",
  removed: "var(--color-danger)",
  changed: "var(--color-warn)",
} as const;

/**
 * An edge between two ports: red with the rules' sentences when broken, and after a dry run a
 * label with how many records crossed it; hovering the label shows their inferred shape.
 */
export function PipelineEdgeView(props: EdgeProps<TCanvasEdge>) {
  const { id, data, selected, markerEnd } = props;
  const [path, labelX, labelY] = getBezierPath(props);
  const problems = data?.problems ?? [];
  const hasError = problems.some((problem) => problem.severity === "error");
  const colour = data?.diff
    ? DIFF_COLOURS[data.diff]
    : hasError
      ? "var(--color-danger)"
      : problems.length > 0
        ? "var(--color-warn)"
        : selected
          ? "var(--color-accent)"
          : undefined;
  const run = data?.run;
  const title = [
    ...problems.map((problem) => problem.sentence),
    run?.shape ? `Shape:\n${JSON.stringify(run.shape, null, 2)}` : null,
  ]
    .filter(Boolean)
    .join("\n\n");
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        style={{ stroke: colour, strokeWidth: selected ? 2.5 : 1.5 }}
      />
      {run || problems.length > 0 ? (
        <EdgeLabelRenderer>
          <div
            title={title || undefined}
            data-testid="edge-label"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            className={cn(
              "nodrag nopan bg-surface pointer-events-auto absolute rounded border px-1.5 py-0.5 font-mono text-[10px]",
              hasError ? "border-danger text-danger" : "border-line text-muted",
            )}
          >
            {run ? `${run.count} record${run.count === 1 ? "" : "s"}` : hasError ? "broken" : "warning"}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}

export const PIPELINE_EDGE_TYPES = { pipeline: PipelineEdgeView };
