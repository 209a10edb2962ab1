"use client";

import type { TLiveEdgeMark } from "~/domain/pipelines/runtime/live-marks";
import { cn } from "~/lib/cn";
import { stepOfDeadLetterEdge } from "./dead-letter-edges";

/**
 * Records per second on an edge of the deployed pipeline: "1.2k/s", dimmed at "0/s"; dead-letter
 * edges in red. Tests find it as `edge-rate-<edgeId>` (dead letters: `dead-letter-rate-<stepId>`).
 */
export function LiveRateLabel({ edgeId, live, x, y }: { edgeId: string; live: TLiveEdgeMark; x: number; y: number }) {
  const deadLetterStep = stepOfDeadLetterEdge(edgeId);
  const testId = deadLetterStep === null ? `edge-rate-${edgeId}` : `dead-letter-rate-${deadLetterStep}`;
  return (
    <div
      data-testid={testId}
      data-idle={live.isIdle}
      title={live.isDeadLetter ? "Dead letters per second from this step" : "Records per second on this edge"}
      style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}
      className={cn(
        "nodrag nopan bg-surface pointer-events-auto absolute rounded-full border px-1.5 py-0.5 font-mono text-[10px] tabular-nums",
        live.isDeadLetter ? "border-danger/60 text-danger" : "border-accent/50 text-ink",
        live.isIdle && "opacity-50",
      )}
    >
      {live.rate}
    </div>
  );
}
