"use client";

import { useQuery } from "@tanstack/react-query";
import { Rocket } from "lucide-react";
import { useId, useState } from "react";
import { ErrorBanner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "~/components/ui/dialog";
import { Skeleton } from "~/components/ui/skeleton";
import type { TPipelineDetail } from "~/domain/pipelines/pipeline-dto";
import { useTRPC } from "~/trpc/react";
import { ApplyProgress } from "../../definitions/plan/apply-progress";
import { DeployOutcome } from "./deploy-outcome";
import { DeployPlanView } from "./deploy-plan-view";
import { useDeployRun } from "./use-deploy-run";

type DeployDialogProps = {
  detail: TPipelineDetail;
  label: "Deploy" | "Redeploy";
  /** Why the button is disabled (role, draft), or null. */
  blocker: string | null;
  /** Saves pending edits first: the server plans and deploys the newest saved revision. */
  saveFirst: () => Promise<boolean>;
};

/**
 * "Deploy": the plan first (topics, groups, where each partition starts), then "Deploy revision N"
 * with each step's progress and a Cancel; closing the dialog while it runs cancels too.
 */
export function DeployDialog({ detail, label, blocker, saveFirst }: DeployDialogProps) {
  const trpc = useTRPC();
  const reasonId = useId();
  const [open, setOpen] = useState(false);
  const ref = { clusterId: detail.clusterId, pipelineId: detail.id };
  const { run, start, cancel, reset } = useDeployRun();
  const isRunning = run?.state === "running";
  const deployment = run?.deployment ?? null;
  // Not read while it runs: read again when a deploy fails or is cancelled (its topics exist now).
  const plan = useQuery({
    ...trpc.runtime.plan.queryOptions(ref),
    enabled: open && !isRunning && !deployment,
    staleTime: 0,
  });
  const runners = useQuery({ ...trpc.runtime.runners.queryOptions(), enabled: open });
  const noRunner =
    runners.data !== undefined && !runners.data.some((runner) => !runner.gone && runner.stoppedAt === null);
  const revision = plan.data?.revision ?? detail.revision;
  const isRefused = (plan.data?.refusals.length ?? 0) > 0;

  async function openDialog() {
    if (!(await saveFirst())) return;
    reset();
    setOpen(true);
  }

  function closeDialog() {
    if (isRunning) cancel();
    setOpen(false);
  }

  return (
    <Dialog open={open} onOpenChange={(next) => (next ? void openDialog() : closeDialog())}>
      <span
        title={blocker ?? undefined}
        tabIndex={blocker ? 0 : undefined}
        aria-describedby={blocker ? reasonId : undefined}
      >
        <DialogTrigger asChild>
          <Button variant="primary" className="h-8" disabled={blocker !== null}>
            <Rocket aria-hidden className="size-4" />
            {label}
          </Button>
        </DialogTrigger>
        {blocker ? (
          <span id={reasonId} className="sr-only">
            {blocker}
          </span>
        ) : null}
      </span>
      <DialogContent
        className="max-w-2xl"
        title={`${label} ${detail.document.name}`}
        description={`What deploying revision ${revision} does; nothing changes until you press Deploy revision ${revision}.`}
      >
        {run ? (
          <div className="mb-4">
            <ApplyProgress
              run={run}
              onCancel={cancel}
              title="Deploy"
              outcome={<DeployOutcome run={run} />}
              focusCancel
            />
          </div>
        ) : null}
        {isRunning || deployment ? null : plan.isPending ? (
          <div className="space-y-2" aria-busy="true" aria-label="Loading the plan">
            <Skeleton className="h-5 w-2/3" />
            <Skeleton className="h-16" />
          </div>
        ) : plan.error ? (
          <ErrorBanner error={plan.error} />
        ) : (
          <DeployPlanView plan={plan.data} />
        )}
        {noRunner ? (
          <p className="text-warn mt-4 text-sm" data-testid="no-runner">
            No runner is running, so a deployed revision waits until one starts: run <code>npm run runner</code> on this
            or any machine that reaches Kafka and PostgreSQL.
          </p>
        ) : null}
        {/* While it runs, the progress's Cancel is the way out (Escape too): no second "Cancel" here. */}
        {isRunning ? null : (
          <DialogFooter>
            <DialogClose asChild>
              {/* Focus comes back here when a run ends: the Cancel that had it is gone. */}
              <Button autoFocus={run !== null}>{deployment ? "Close" : "Cancel"}</Button>
            </DialogClose>
            {deployment ? null : (
              <Button
                variant="primary"
                data-autofocus
                disabled={!plan.data || plan.isFetching || isRefused}
                onClick={() => start({ ...ref, revision })}
              >
                Deploy revision {revision}
              </Button>
            )}
          </DialogFooter>
        )}
      </DialogContent>
    </Dialog>
  );
}
