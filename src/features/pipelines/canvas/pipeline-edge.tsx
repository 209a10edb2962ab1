"use client";

import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from "@xyflow/react";
import type { TCanvasEdge } from "~/domain/pipelines/canvas";
import { cn } from "~/lib/cn";
import { LiveRateLabel } from "../runtime/live-rate-label";

const DIFF_COLOURS = {
  added: "var(--color-ok)",
  removed: "var(--color-danger)",
  changed: "var(--color-warn)",
} as const;

/**
 * An edge between two ports: red with the rules' sentences when broken, after a dry run a label
 * with how many records crossed it (hovering shows their inferred shape), and while the pipeline
 * is deployed its records per second. Dead-letter edges (drawn by the overlay) are dashed and red.
 */
export function PipelineEdgeView(props: EdgeProps<TCanvasEdge>) {
  const { id, data, selected, markerEnd } = props;
  const [path, labelX, labelY] = getBezierPath(props);
  const problems = data?.problems ?? [];
  const live = data?.live ?? null;
  const hasError = problems.some((problem) => problem.severity === "error");
  const colour = data?.diff
    ? DIFF_COLOURS[data.diff]
    : hasError || live?.isDeadLetter
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
  const hasRunLabel = !!run || problems.length > 0;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        style={{
          stroke: colour,
          strokeWidth: selected ? 2.5 : 1.5,
          strokeDasharray: live?.isDeadLetter ? "6 4" : undefined,
        }}
      />
      {hasRunLabel || live ? (
        <EdgeLabelRenderer>
          {live ? <LiveRateLabel edgeId={id} live={live} x={labelX} y={labelY} /> : null}
          {hasRunLabel ? (
            <div
              title={title || undefined}
              data-testid="edge-label"
              // Below the live rate when both are shown.
              style={{ transform: `translate(-50%, ${live ? "60%" : "-50%"}) translate(${labelX}px, ${labelY}px)` }}
              className={cn(
                "nodrag nopan bg-surface pointer-events-auto absolute rounded border px-1.5 py-0.5 font-mono text-[10px]",
                hasError ? "border-danger text-danger" : "border-line text-muted",
              )}
            >
              {run ? `${run.count} record${run.count === 1 ? "" : "s"}` : hasError ? "broken" : "warning"}
            </div>
          ) : null}
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}

export const PIPELINE_EDGE_TYPES = { pipeline: PipelineEdgeView };
