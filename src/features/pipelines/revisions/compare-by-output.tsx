"use client";

import { GitCompare, Square } from "lucide-react";
import { useState } from "react";
import { Banner, ErrorBanner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import type { TPipelineDocument } from "~/domain/pipelines/document";
import type { TRevisionComparison } from "~/domain/pipelines/pipeline-dto";
import { formatDuration } from "~/lib/format";
import { useTRPCClient } from "~/trpc/react";
import {
  initialSourceDraft,
  readingSentence,
  sourceFromDraft,
  sourceTopics,
  type TSourceDraft,
} from "../dry-run/dry-run-source";
import { SourceChooser } from "../dry-run/source-chooser";
import { useCancellableRun } from "../dry-run/use-cancellable-run";
import { ComparisonView } from "./comparison-view";

/**
 * A diff of behaviour, not of configuration: both revisions run over the same records (an offset
 * range or the newest N, read once) and the outputs that differ are shown side by side.
 */
export function CompareByOutput({
  clusterId,
  pipelineId,
  pair,
  document,
}: {
  clusterId: string;
  pipelineId: string;
  pair: { revision: number; against: number };
  /** The newer revision's document: its source topics are offered. */
  document: TPipelineDocument;
}) {
  const client = useTRPCClient();
  const topics = sourceTopics(document);
  const [draft, setDraft] = useState<TSourceDraft>(() => ({ ...initialSourceDraft(document), type: "range" }));
  const [draftError, setDraftError] = useState<string | null>(null);
  const { run, elapsedMs, start, cancel } = useCancellableRun<TRevisionComparison>();
  const isRunning = run.state === "running";
  const [revisionA, revisionB] = [Math.min(pair.revision, pair.against), Math.max(pair.revision, pair.against)];

  async function compare() {
    const parsed = sourceFromDraft(draft);
    if (!parsed.ok) {
      setDraftError(parsed.sentence);
      return;
    }
    setDraftError(null);
    await start((signal) =>
      client.pipelines.compareRevisions.mutate(
        { clusterId, pipelineId, revisionA, revisionB, source: parsed.source },
        { signal },
      ),
    );
  }

  if (revisionA === revisionB) {
    return <p className="text-muted text-sm">Choose two different revisions to compare what they write.</p>;
  }
  return (
    <div className="space-y-4">
      <SourceChooser draft={draft} onChange={setDraft} sourceTopics={topics} disabled={isRunning} />
      {draftError ? (
        <p role="alert" className="text-danger text-sm">
          {draftError}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        {isRunning ? (
          <Button onClick={cancel}>
            <Square aria-hidden className="size-4" />
            Cancel
          </Button>
        ) : (
          <Button variant="primary" onClick={() => void compare()}>
            <GitCompare aria-hidden className="size-4" />
            Compare revisions {revisionA} and {revisionB} by output
          </Button>
        )}
        {isRunning ? (
          <span role="status" className="text-muted text-sm">
            {readingSentence(draft, document)} <span className="tabular-nums">{formatDuration(elapsedMs)}</span>
          </span>
        ) : null}
      </div>
      {run.state === "cancelled" ? <Banner tone="info" title="The comparison was cancelled." /> : null}
      {run.state === "failed" ? <ErrorBanner error={run.error} /> : null}
      {run.state === "done" ? <ComparisonView comparison={run.result} /> : null}
    </div>
  );
}
