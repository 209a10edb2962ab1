"use client";

import { useState } from "react";
import { Banner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import {
  DEFAULT_MAX_MESSAGES,
  DEFAULT_MAX_RESULTS,
  DEFAULT_MAX_SECONDS,
  formatBound,
  parseBound,
  searchQueryFromParams,
  type TSearchInput,
} from "~/domain/messages/search-query";
import type { TTopicDescription } from "~/domain/topics/topic-dto";
import { toUserMessage } from "~/lib/error-message";
import { ExportButtons } from "../export/export-buttons";
import { useMessageParams } from "../messages-url";
import { DecoderSelect } from "../view/decoder-select";
import { MessageTable } from "../view/message-table";
import { SearchEmpty } from "./search-empty";
import { draftErrors, SearchForm, type TSearchDraft } from "./search-form";
import { SearchProgress } from "./search-progress";
import { useSearchRun } from "./use-search-run";

/** A server-side scan of the topic with a text or JSONata filter, a range and a budget. */
export function SearchView({ clusterId, topic }: { clusterId: string; topic: TTopicDescription }) {
  const { params, update } = useMessageParams();
  // The form is filled from the URL once; from then on it writes every change back.
  const [draft, setDraft] = useState<TSearchDraft>(() => draftFromParams(params));
  const { run, matches, start, cancel } = useSearchRun();
  const isRunning = run.state === "running";
  const errors = draftErrors(draft);
  const canStart = draft.query.trim() !== "" && Object.keys(errors).length === 0;

  const change = (changes: Partial<TSearchDraft>) => {
    const next = { ...draft, ...changes };
    setDraft(next);
    update(draftToParams(next));
  };

  const onStart = () => {
    // Bounds are written back as offsets or UTC times, so the link means the same everywhere.
    const normalised = { ...draft, from: normaliseBound(draft.from), to: normaliseBound(draft.to) };
    setDraft(normalised);
    update(draftToParams(normalised));
    start(toInput(clusterId, topic.name, normalised));
  };

  const progress = run.state === "running" || run.state === "done" || run.state === "cancelled" ? run.progress : null;
  return (
    <section aria-label="Search messages" className="space-y-4">
      <form
        className="border-line bg-surface space-y-3 rounded-lg border p-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (canStart && !isRunning) onStart();
        }}
      >
        <SearchForm topic={topic} draft={draft} onChange={change} disabled={isRunning} />
        <div className="flex flex-wrap items-end gap-3">
          {isRunning ? (
            <Button onClick={cancel} aria-keyshortcuts="Escape">
              Cancel (Esc)
            </Button>
          ) : (
            <Button type="submit" variant="primary" disabled={!canStart}>
              Start search
            </Button>
          )}
          <DecoderSelect clusterId={clusterId} topic={topic.name} />
          <div className="ml-auto">
            <ExportButtons clusterId={clusterId} topic={topic.name} />
          </div>
        </div>
      </form>

      {run.state === "error" ? (
        <Banner tone="danger" title={toUserMessage(run.error).message}>
          {toUserMessage(run.error).hint}
        </Banner>
      ) : null}
      {progress ? <SearchProgress progress={progress} /> : null}
      <p role="status" aria-live="polite" className="text-sm" data-testid="search-status">
        {statusLine(run)}
      </p>

      <MessageTable
        clusterId={clusterId}
        topic={topic.name}
        messages={matches}
        aria-label={`Search results in ${topic.name}`}
        empty={<SearchEmpty run={run} />}
      />
    </section>
  );
}

function statusLine(run: ReturnType<typeof useSearchRun>["run"]): string {
  switch (run.state) {
    case "idle":
    case "error":
      return "";
    case "running":
      return "Searching… press Esc to cancel.";
    case "cancelled":
      return "Partial: cancelled; the matches found until then are shown.";
    case "done":
      return run.sentence;
  }
}

function draftFromParams(params: URLSearchParams): TSearchDraft {
  const query = searchQueryFromParams(params);
  return {
    partition: query.partition === null ? "all" : String(query.partition),
    kind: query.kind,
    query: query.query,
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
    budget: String(query.maxMessages),
  };
}

function draftToParams(draft: TSearchDraft): Record<string, string | null> {
  return {
    partition: draft.partition,
    kind: draft.kind,
    q: draft.query === "" ? null : draft.query,
    from: boundParam(draft.from),
    to: boundParam(draft.to),
    budget: draft.budget === String(DEFAULT_MAX_MESSAGES) ? null : draft.budget,
  };
}

/**
 * A bound for the URL, read in the browser's time zone as the user typed it and written as an
 * offset or a UTC time, so that the export link (which the server reads) means the same.
 * Text that is not a bound yet (half typed) stays as it is; the form shows why.
 */
function boundParam(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  return formatBound(parseBound(trimmed)) ?? trimmed;
}

function normaliseBound(text: string): string {
  return formatBound(parseBound(text)) ?? "";
}

function toInput(clusterId: string, topic: string, draft: TSearchDraft): TSearchInput {
  return {
    clusterId,
    topic,
    partition: draft.partition === "all" ? null : Number(draft.partition),
    kind: draft.kind,
    query: draft.query,
    from: parseBound(draft.from),
    to: parseBound(draft.to),
    maxMessages: Number(draft.budget),
    maxSeconds: DEFAULT_MAX_SECONDS,
    maxResults: DEFAULT_MAX_RESULTS,
  };
}
