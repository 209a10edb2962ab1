"use client";

import { Square } from "lucide-react";
import { useId, type ReactNode } from "react";
import { Banner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import { pluralize } from "~/lib/format";
import type { TApplyRun } from "./apply-run";
import { PlanStepList } from "./plan-steps";

type TApplyProgressProps = {
  run: TApplyRun;
  onCancel: () => void;
  /** The heading; "Apply" on the definitions page. */
  title?: string;
  /** How the run ended, in the words of what ran; the apply's own by default. */
  outcome?: ReactNode;
  /** Moves focus to Cancel when the run starts (the button that started it is gone). */
  focusCancel?: boolean;
};

/** A run of steps as it goes: each step's status, a cancel while it runs, and how it ended. The deploy dialog shows it too. */
export function ApplyProgress({ run, onCancel, title = "Apply", outcome, focusCancel = false }: TApplyProgressProps) {
  const headingId = useId();
  const done = run.steps.filter((step) => step.status === "done").length;
  return (
    <Card aria-labelledby={headingId} data-testid="apply-progress" data-state={run.state}>
      <CardHeader
        title={<span id={headingId}>{title}</span>}
        description={
          run.steps.length > 0 ? `${done} of ${pluralize(run.steps.length, "step")} done.` : "Planning on the server…"
        }
        actions={
          run.state === "running" ? (
            <Button onClick={onCancel} autoFocus={focusCancel}>
              <Square aria-hidden className="size-4" />
              Cancel
            </Button>
          ) : null
        }
      />
      <div className="space-y-4 px-5 py-4" aria-live="polite">
        <PlanStepList steps={run.steps} label={`${title} progress`} />
        {outcome === undefined ? <ApplyOutcome run={run} /> : outcome}
      </div>
    </Card>
  );
}

function ApplyOutcome({ run }: { run: TApplyRun }) {
  if (run.state === "running") return null;
  if (run.state === "error") return <Banner tone="danger" title={run.sentence ?? "The apply could not run."} />;
  if (run.state === "cancelled") {
    return (
      <Banner
        tone="info"
        title={`Cancelled after ${pluralize(run.steps.filter((s) => s.status === "done").length, "step")}.`}
      >
        Steps already applied stay applied; the plan below is read again.
      </Banner>
    );
  }
  if (run.failed) {
    return (
      <Banner tone="danger" title={run.sentence ?? "A step failed."}>
        The apply stopped there: {pluralize(run.applied, "step")} applied before it. The plan below is read again.
      </Banner>
    );
  }
  return (
    <Banner tone="info" title={`Applied ${pluralize(run.applied, "step")}.`}>
      The drift and the plan below are read again from Kafka.
    </Banner>
  );
}
