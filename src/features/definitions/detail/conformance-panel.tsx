"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ConformanceBadge } from "~/components/definitions/definition-badges";
import { conformanceShare } from "~/components/definitions/conformance-text";
import { ErrorBanner, Banner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import { Field, Input } from "~/components/ui/input";
import type { TDefinitionDetail } from "~/domain/definitions/definition-dto";
import { pluralize } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { ConformanceExamples } from "./conformance-examples";
import { ShareBar } from "./share-bar";

const DEFAULT_PER_PARTITION = "100";
const MAX_PER_PARTITION = 10_000;

/** Recent values sampled per partition against the newest schema version: the share that match, and a few that do not. */
export function ConformancePanel({ clusterId, detail }: { clusterId: string; detail: TDefinitionDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [perPartition, setPerPartition] = useState(DEFAULT_PER_PARTITION);
  const check = useMutation({
    ...trpc.definitions.checkConformance.mutationOptions(),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.definitions.pathKey() }),
  });
  const count = Number(perPartition);
  const countError =
    Number.isInteger(count) && count >= 1 && count <= MAX_PER_PARTITION
      ? null
      : `Enter a whole number from 1 to ${MAX_PER_PARTITION}.`;
  const result = detail.conformance;
  const hasSchema = detail.schemaVersions.length > 0;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (countError || check.isPending) return;
    check.mutate({ clusterId, topicName: detail.topicName, perPartition: count });
  }

  return (
    <Card aria-labelledby="conformance-heading" data-testid="conformance-panel">
      <CardHeader
        title={
          <span id="conformance-heading" className="flex items-center gap-2">
            Conformance <ConformanceBadge conformance={result} />
          </span>
        }
        description="Whether the values in the topic match its newest schema version. Reads messages without a consumer group."
      />
      <div className="space-y-4 px-5 py-4">
        <form onSubmit={submit} className="flex flex-wrap items-end gap-3" noValidate>
          <Field label="Messages per partition" error={countError} className="w-48">
            <Input inputMode="numeric" value={perPartition} onChange={(event) => setPerPartition(event.target.value)} />
          </Field>
          <Button type="submit" variant="primary" disabled={!hasSchema || check.isPending}>
            {check.isPending ? "Checking…" : "Check now"}
          </Button>
          {!hasSchema ? <p className="text-muted text-sm">Save a schema version first.</p> : null}
        </form>
        <ErrorBanner error={check.error} />
        {result ? <ConformanceResult result={result} /> : null}
      </div>
    </Card>
  );
}

function ConformanceResult({ result }: { result: NonNullable<TDefinitionDetail["conformance"]> }) {
  if (result.failure) return <Banner tone="danger" title={result.failure} />;
  if (result.sampled === 0) {
    return (
      <p className="text-sm">
        The last check found no messages to read (checked against version {result.schemaVersion}).
      </p>
    );
  }
  const share = conformanceShare(result.matched, result.sampled);
  return (
    <div className="space-y-4">
      <div className="space-y-1.5" data-testid="conformance-share">
        <p className="text-sm">
          <span className="text-lg font-semibold tabular-nums">{share}%</span> of{" "}
          {pluralize(result.sampled, "sampled value")} match version {result.schemaVersion} ({result.matched} match,{" "}
          {result.sampled - result.matched} do not).
        </p>
        <ShareBar matched={result.matched} sampled={result.sampled} />
      </div>
      <ConformanceExamples examples={result.examples} />
    </div>
  );
}
