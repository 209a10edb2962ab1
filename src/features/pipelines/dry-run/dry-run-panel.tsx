"use client";

import { Play, Square } from "lucide-react";
import { useState } from "react";
import { Banner, ErrorBanner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import type { TPipelineDocument } from "~/domain/pipelines/document";
import type { TDryRunResult } from "~/domain/pipelines/pipeline-dto";
import { formatDuration } from "~/lib/format";
import { useTRPCClient } from "~/trpc/react";
import { DryRunResultView } from "./dry-run-result-view";
import { initialSourceDraft, readingSentence, sourceFromDraft, sourceTopics } from "./dry-run-source";
import { SourceChooser } from "./source-chooser";
import { useCancellableRun } from "./use-cancellable-run";

type DryRunPanelProps = {
  clusterId: string;
  document: TPipelineDocument;
  /** The run's result for the canvas and inspector (counts, samples, shapes); null when cleared. */
  onResult: (result: TDryRunResult | null) => void;
};

/**
 * Runs the pipeline as drawn (saved or not) over real messages of its source topics, read without a
 * consumer group, or over typed records: nothing is written to Kafka. Cancel stops the server's run.
 */
export function DryRunPanel({ clusterId, document, onResult }: DryRunPanelProps) {
  const client = useTRPCClient();
  const topics = sourceTopics(document);
  const [draft, setDraft] = useState(() => initialSourceDraft(document));
  const [draftError, setDraftError] = useState<string | null>(null);
  const { run, elapsedMs, start, cancel, reset } = useCancellableRun<TDryRunResult>();
  const isRunning = run.state === "running";
  // A source topic renamed or removed since: fall back to the first one.
  const shownDraft =
    draft.type !== "latest" && topics.length > 0 && !topics.includes(draft.topic)
      ? { ...draft, topic: topics[0]! }
      : draft;

  async function runNow() {
    const parsed = sourceFromDraft(shownDraft);
    if (!parsed.ok) {
      setDraftError(parsed.sentence);
      return;
    }
    setDraftError(null);
    const result = await start((signal) =>
      client.pipelines.dryRun.mutate({ clusterId, document, source: parsed.source }, { signal }),
    );
    if (result) onResult(result);
  }

  function clear() {
    reset();
    onResult(null);
  }

  return (
    <section aria-label="Dry run" className="space-y-4">
      <SourceChooser draft={shownDraft} onChange={setDraft} sourceTopics={topics} disabled={isRunning} />
      {draftError ? (
        <p role="alert" className="text-danger text-sm">
          {draftError}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        {isRunning ? (
          <Button onClick={cancel}>
            <Square aria-hidden className="size-4" />
            Cancel
          </Button>
        ) : (
          <Button variant="primary" onClick={() => void runNow()} disabled={document.nodes.length === 0}>
            <Play aria-hidden className="size-4" />
            Run
          </Button>
        )}
        {run.state === "done" ? (
          <Button variant="ghost" onClick={clear}>
            Clear results
          </Button>
        ) : null}
      </div>
      {isRunning ? (
        <p role="status" className="text-muted text-sm" data-testid="dry-run-progress">
          {readingSentence(shownDraft, document)} <span className="tabular-nums">{formatDuration(elapsedMs)}</span>
        </p>
      ) : null}
      {run.state === "cancelled" ? (
        <Banner tone="info" title="The dry run was cancelled.">
          Nothing was written to Kafka. Run it again when you are ready.
        </Banner>
      ) : null}
      {run.state === "failed" ? (
        <ErrorBanner error={run.error} actions={<Button onClick={() => void runNow()}>Try again</Button>} />
      ) : null}
      {run.state === "done" ? <DryRunResultView document={document} result={run.result} /> : null}
    </section>
  );
}
