import { CheckCircle2, Circle, Loader2, MinusCircle, XCircle } from "lucide-react";
import type { TPlanRefusal } from "~/domain/definitions/plan";
import type { TRunStep, TStepStatus } from "./apply-run";

const STATUS_ICONS: Record<TStepStatus, { Icon: typeof Circle; className: string; label: string }> = {
  pending: { Icon: Circle, className: "text-muted", label: "waiting" },
  running: { Icon: Loader2, className: "text-accent animate-spin", label: "running" },
  done: { Icon: CheckCircle2, className: "text-ok", label: "done" },
  failed: { Icon: XCircle, className: "text-danger", label: "failed" },
  skipped: { Icon: MinusCircle, className: "text-muted", label: "not run" },
};

/** The plan's steps in order; during an apply each one says whether it waits, runs, is done or failed. */
export function PlanStepList({ steps, label }: { steps: TRunStep[]; label: string }) {
  return (
    <ol className="space-y-2" aria-label={label}>
      {steps.map((step, index) => {
        const { Icon, className, label: statusLabel } = STATUS_ICONS[step.status];
        return (
          <li key={index} className="flex items-start gap-2 text-sm" data-testid="plan-step" data-status={step.status}>
            <Icon aria-hidden className={`mt-0.5 size-4 shrink-0 ${className}`} />
            <div className="min-w-0">
              <p className="break-words">
                {step.description}
                <span className="sr-only"> ({statusLabel})</span>
              </p>
              {step.sentence ? <p className="text-danger text-xs">{step.sentence}</p> : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

/** What applying will not change, each with the sentence why, shown before anything happens. */
export function PlanRefusals({ refusals }: { refusals: TPlanRefusal[] }) {
  if (refusals.length === 0) return null;
  return (
    <div className="space-y-2">
      <h3 className="text-sm font-semibold">Not changed by applying</h3>
      <ul className="space-y-2">
        {refusals.map((refusal) => (
          <li
            key={`${refusal.topicName}:${refusal.field}`}
            className="border-warn/40 bg-warn-soft rounded-md border px-3 py-2 text-sm"
            data-testid="plan-refusal"
          >
            <span className="font-mono text-xs">
              {refusal.topicName} · {refusal.field}
            </span>
            <p>{refusal.sentence}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
