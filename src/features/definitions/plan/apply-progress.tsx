"use client";

import { Square } from "lucide-react";
import { Banner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import { pluralize } from "~/lib/format";
import type { TApplyRun } from "./apply-run";
import { PlanStepList } from "./plan-steps";

/** The apply as it runs: each step's status, a cancel while it runs, and how it ended. */
export function ApplyProgress({ run, onCancel }: { run: TApplyRun; onCancel: () => void }) {
  const done = run.steps.filter((step) => step.status === "done").length;
  return (
    <Card aria-labelledby="apply-heading" data-testid="apply-progress" data-state={run.state}>
      <CardHeader
        title={<span id="apply-heading">Apply</span>}
        description={
          run.steps.length > 0 ? `${done} of ${pluralize(run.steps.length, "step")} done.` : "Planning on the server…"
        }
        actions={
          run.state === "running" ? (
            <Button onClick={onCancel}>
              <Square aria-hidden className="size-4" />
              Cancel
            </Button>
          ) : null
        }
      />
      <div className="space-y-4 px-5 py-4" aria-live="polite">
        <PlanStepList steps={run.steps} label="Apply progress" />
        <ApplyOutcome run={run} />
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
