"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { RoleNote } from "~/components/auth/role-note";
import { useMe } from "~/components/auth/use-me";
import { definitionHref, parseTopicsParam } from "~/components/definitions/definition-links";
import { Banner, ErrorBanner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import { Skeleton } from "~/components/ui/skeleton";
import { pluralize } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { DefinitionBreadcrumb } from "../detail/definition-breadcrumb";
import { ApplyDialog } from "./apply-dialog";
import { stepsOf } from "./apply-run";
import { ApplyProgress } from "./apply-progress";
import { PlanRefusals, PlanStepList } from "./plan-steps";
import { useApplyRun } from "./use-apply-run";

const REFRESH_MS = 5_000;

/** What applying the definitions would do (and will not do, with why), then the apply itself with progress. */
export function PlanPage({ clusterId }: { clusterId: string }) {
  const trpc = useTRPC();
  const { can } = useMe();
  // Applying creates topics, adds partitions and alters configs: what only admins may do on the topic pages.
  const permission = can("admin");
  const topicNames = parseTopicsParam(useSearchParams().get("topics"));
  const scope = topicNames.length > 0 ? { topicNames } : {};
  const { run, start, cancel } = useApplyRun();
  const isRunning = run?.state === "running";
  const plan = useQuery({
    ...trpc.definitions.plan.queryOptions({ clusterId, ...scope }),
    // Kept current while nothing runs (the apply plans again on the server anyway); a broker applies an
    // altered config a moment after the controller confirms it, so the re-read after an apply may
    // still see the old value once.
    refetchInterval: isRunning ? false : REFRESH_MS,
  });
  const steps = plan.data ? stepsOf(plan.data) : [];

  return (
    <section aria-labelledby="plan-heading" className="space-y-5">
      <header className="space-y-2">
        <DefinitionBreadcrumb clusterId={clusterId} current="Plan" />
        <h1 id="plan-heading" className="text-2xl font-semibold">
          Plan changes
        </h1>
        <p className="text-muted text-sm">
          {topicNames.length > 0 ? (
            <>
              For{" "}
              {topicNames.map((name, index) => (
                <span key={name}>
                  {index > 0 ? ", " : null}
                  <Link href={definitionHref(clusterId, name)} className="text-accent font-mono hover:underline">
                    {name}
                  </Link>
                </span>
              ))}
              .
            </>
          ) : (
            "For every definition of this cluster."
          )}{" "}
          Nothing changes in Kafka until you apply.
        </p>
      </header>

      {run ? <ApplyProgress run={run} onCancel={cancel} /> : null}

      <Card aria-labelledby="plan-steps-heading">
        <CardHeader
          title={
            <span id="plan-steps-heading">
              {run && !isRunning ? "What applying would do now" : "What applying would do"}
            </span>
          }
          description={
            plan.data
              ? `${pluralize(plan.data.steps.length, "step")}, ${pluralize(plan.data.refusals.length, "refused change")}.`
              : undefined
          }
          actions={
            <div className="flex flex-col items-end gap-1">
              <ApplyDialog
                stepCount={steps.length}
                isDisabled={isRunning || steps.length === 0}
                permission={permission}
                onApply={() => start({ clusterId, ...scope })}
              />
              <RoleNote permission={permission} />
            </div>
          }
        />
        <div className="space-y-5 px-5 py-4">
          <ErrorBanner
            error={plan.error}
            actions={
              <Button onClick={() => void plan.refetch()} disabled={plan.isFetching}>
                Retry
              </Button>
            }
          />
          {plan.isPending ? (
            <div aria-label="Planning" className="space-y-2">
              <Skeleton className="h-5 w-2/3" />
              <Skeleton className="h-5 w-1/2" />
            </div>
          ) : plan.data ? (
            <>
              {steps.length > 0 ? (
                <PlanStepList steps={steps} label="Planned steps" />
              ) : (
                <Banner tone="info" title="No changes: Kafka holds what the definitions say." />
              )}
              <PlanRefusals refusals={plan.data.refusals} />
            </>
          ) : null}
        </div>
      </Card>
    </section>
  );
}
