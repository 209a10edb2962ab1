"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { ErrorBanner } from "~/components/ui/banner";
import { Breadcrumb } from "~/components/ui/breadcrumb";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Field, Select } from "~/components/ui/input";
import { Skeleton } from "~/components/ui/skeleton";
import { useTRPC } from "~/trpc/react";
import { pipelineHref } from "../pipeline-links";
import { CompareByOutput } from "./compare-by-output";
import { RestoreDialog } from "./restore-dialog";
import { RevisionDiff } from "./revision-diff";
import { RevisionList } from "./revision-list";
import { chosenPair, revisionPairHref } from "./revisions-url";

/** A pipeline's revisions: who saved what when, a visual diff of any two, restore, and a comparison by output. */
export function RevisionsPage({ clusterId, pipelineId }: { clusterId: string; pipelineId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const params = useSearchParams();
  const pipeline = useQuery(trpc.pipelines.get.queryOptions({ clusterId, pipelineId }));
  const revisions = useQuery(trpc.pipelines.revisions.queryOptions({ clusterId, pipelineId }));
  const pair = revisions.data
    ? chosenPair(revisions.data, { revision: params.get("revision"), against: params.get("against") })
    : null;
  const name = pipeline.data?.document.name ?? "Pipeline";
  const newest = revisions.data?.reduce((top, revision) => Math.max(top, revision.revision), 0) ?? 0;
  const numbers = [...(revisions.data ?? [])].map((revision) => revision.revision).sort((a, b) => b - a);
  const choose = (next: { revision: number; against: number }) =>
    router.replace(revisionPairHref(clusterId, pipelineId, next), { scroll: false });

  return (
    <section aria-labelledby="revisions-heading" className="space-y-5">
      <header className="space-y-2">
        <Breadcrumb parent={{ href: pipelineHref(clusterId, pipelineId), label: name }} current="Revisions" />
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 id="revisions-heading" className="text-2xl font-semibold">
            Revisions of {name}
          </h1>
          <Button asChild>
            <Link href={pipelineHref(clusterId, pipelineId)}>Open the editor</Link>
          </Button>
        </div>
      </header>
      <ErrorBanner
        error={pipeline.error ?? revisions.error}
        actions={<Button onClick={() => void Promise.all([pipeline.refetch(), revisions.refetch()])}>Retry</Button>}
      />
      {revisions.isPending ? (
        <Skeleton className="h-96 w-full" />
      ) : !pair ? (
        <EmptyState title="No revisions yet">Save the pipeline in the editor to start its history.</EmptyState>
      ) : (
        <div className="grid gap-5 lg:grid-cols-[20rem_1fr]">
          <Card className="self-start overflow-hidden">
            <RevisionList clusterId={clusterId} pipelineId={pipelineId} revisions={revisions.data ?? []} pair={pair} />
          </Card>
          <div className="min-w-0 space-y-5">
            <Card aria-labelledby="diff-heading">
              <CardHeader
                title={<span id="diff-heading">What changed</span>}
                description="Added nodes and edges in green, changed in amber, removed in red (drawn where they were)."
                actions={
                  pair.revision !== newest && pipeline.data ? (
                    <RestoreDialog
                      clusterId={clusterId}
                      pipelineId={pipelineId}
                      revision={pair.revision}
                      baseVersion={pipeline.data.version}
                    />
                  ) : null
                }
              />
              <div className="space-y-4 px-5 py-4">
                <div className="flex flex-wrap gap-3">
                  <RevisionSelect
                    label="Revision"
                    value={pair.revision}
                    numbers={numbers}
                    newest={newest}
                    onChange={(revision) => choose({ ...pair, revision })}
                  />
                  <RevisionSelect
                    label="Against"
                    value={pair.against}
                    numbers={numbers}
                    newest={newest}
                    onChange={(against) => choose({ ...pair, against })}
                  />
                </div>
                <RevisionDiff clusterId={clusterId} pipelineId={pipelineId} pair={pair} />
              </div>
            </Card>
            <Card aria-labelledby="compare-heading">
              <CardHeader
                title={<span id="compare-heading">Compare by output</span>}
                description="Run both revisions on the same real messages and see which outputs differ. Nothing is written to Kafka."
              />
              <div className="px-5 py-4">
                {pipeline.data ? (
                  <CompareByOutput
                    clusterId={clusterId}
                    pipelineId={pipelineId}
                    pair={pair}
                    document={pipeline.data.document}
                  />
                ) : null}
              </div>
            </Card>
          </div>
        </div>
      )}
    </section>
  );
}

function RevisionSelect({
  label,
  value,
  numbers,
  newest,
  onChange,
}: {
  label: string;
  value: number;
  numbers: number[];
  newest: number;
  onChange: (revision: number) => void;
}) {
  return (
    <Field label={label} className="w-48">
      <Select value={value} onChange={(event) => onChange(Number(event.target.value))}>
        {numbers.map((number) => (
          <option key={number} value={number}>
            Revision {number}
            {number === newest ? " (current)" : ""}
          </option>
        ))}
      </Select>
    </Field>
  );
}
