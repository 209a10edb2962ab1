"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Rocket } from "lucide-react";
import { useId, useState } from "react";
import { ErrorBanner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "~/components/ui/dialog";
import { Skeleton } from "~/components/ui/skeleton";
import type { TPipelineDetail } from "~/domain/pipelines/pipeline-dto";
import { useTRPC } from "~/trpc/react";
import { DeployPlanView } from "./deploy-plan-view";

type DeployDialogProps = {
  detail: TPipelineDetail;
  label: "Deploy" | "Redeploy";
  /** Why the button is disabled (role, draft), or null. */
  blocker: string | null;
  /** Saves pending edits first: the server plans and deploys the newest saved revision. */
  saveFirst: () => Promise<boolean>;
};

/** "Deploy": the plan first (topics, groups, where each partition starts), then "Deploy revision N". */
export function DeployDialog({ detail, label, blocker, saveFirst }: DeployDialogProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reasonId = useId();
  const [open, setOpen] = useState(false);
  const ref = { clusterId: detail.clusterId, pipelineId: detail.id };
  const plan = useQuery({ ...trpc.runtime.plan.queryOptions(ref), enabled: open, staleTime: 0 });
  const deploy = useMutation(
    trpc.runtime.deploy.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.runtime.pathKey() }),
    }),
  );
  const runners = useQuery({ ...trpc.runtime.runners.queryOptions(), enabled: open });
  const noRunner =
    runners.data !== undefined && !runners.data.some((runner) => !runner.gone && runner.stoppedAt === null);
  const revision = plan.data?.revision ?? detail.revision;
  const isRefused = (plan.data?.refusals.length ?? 0) > 0;

  async function openDialog() {
    if (!(await saveFirst())) return;
    deploy.reset();
    setOpen(true);
  }

  return (
    <Dialog open={open} onOpenChange={(next) => (next ? void openDialog() : setOpen(false))}>
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
        {plan.isPending ? (
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
        <div className="mt-4 space-y-2" aria-live="polite">
          <ErrorBanner error={deploy.error} />
          {deploy.data ? (
            <p className="text-ok text-sm" role="status">
              Revision {deploy.data.revision} is deployed (generation {deploy.data.generation}): runners start its steps
              within a second or two.
            </p>
          ) : null}
        </div>
        <DialogFooter>
          <DialogClose asChild>
            <Button>{deploy.data ? "Close" : "Cancel"}</Button>
          </DialogClose>
          {deploy.data ? null : (
            <Button
              variant="primary"
              data-autofocus
              disabled={!plan.data || isRefused || deploy.isPending}
              aria-busy={deploy.isPending}
              onClick={() => deploy.mutate({ ...ref, revision })}
            >
              {deploy.isPending ? `Deploying revision ${revision}…` : `Deploy revision ${revision}`}
            </Button>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
