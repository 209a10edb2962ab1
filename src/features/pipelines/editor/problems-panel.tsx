"use client";

import { AlertTriangle, CheckCircle2, XCircle } from "lucide-react";
import type { TPipelineProblem } from "~/domain/pipelines/pipeline-dto";
import { memo } from "react";
import { pluralize } from "~/lib/format";

/** Every broken rule, errors first (memo: a drag changes no problem, so the list is not redrawn each frame); choosing one with a node selects that node and brings it into view. */
export const ProblemsPanel = memo(function ProblemsPanel({
  problems,
  liveFailure,
  onFocusNode,
}: {
  problems: readonly TPipelineProblem[];
  liveFailure: string | null;
  onFocusNode: (nodeId: string) => void;
}) {
  const sorted = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  const errors = problems.filter((problem) => problem.severity === "error").length;
  return (
    <section aria-labelledby="problems-heading" className="space-y-2">
      <h2 id="problems-heading" className="text-sm font-semibold">
        Problems{" "}
        <span className="text-muted font-normal">
          {problems.length === 0
            ? ""
            : `${pluralize(errors, "error")}, ${pluralize(problems.length - errors, "warning")}`}
        </span>
      </h2>
      {liveFailure ? (
        <p className="text-warn text-xs">
          Kafka could not be asked ({liveFailure}); topics are checked against their definitions only.
        </p>
      ) : null}
      {problems.length === 0 ? (
        <p className="text-muted flex items-center gap-1.5 text-xs">
          <CheckCircle2 aria-hidden className="text-ok size-3.5" />
          No rule is broken.
        </p>
      ) : (
        <ul className="space-y-1" data-testid="problems-list">
          {sorted.map((problem, index) => {
            const Icon = problem.severity === "error" ? XCircle : AlertTriangle;
            const text = (
              <>
                <Icon
                  aria-hidden
                  className={`mt-0.5 size-3.5 shrink-0 ${problem.severity === "error" ? "text-danger" : "text-warn"}`}
                />
                <span>{problem.sentence}</span>
              </>
            );
            const nodeId = problem.nodeId;
            return (
              <li key={index} data-rule={problem.rule}>
                {nodeId ? (
                  <button
                    type="button"
                    onClick={() => onFocusNode(nodeId)}
                    className="hover:bg-surface-raised flex w-full items-start gap-1.5 rounded px-1 py-0.5 text-left text-xs"
                  >
                    {text}
                  </button>
                ) : (
                  <p className="flex items-start gap-1.5 px-1 py-0.5 text-xs">{text}</p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
});
