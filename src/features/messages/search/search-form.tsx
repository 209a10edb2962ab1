"use client";

import { Field, Input, Select } from "~/components/ui/input";
import { compileJsonata } from "~/domain/jsonata/compile";
import { parseBound, type TSearchKind } from "~/domain/messages/search-query";
import type { TTopicDescription } from "~/domain/topics/topic-dto";

/** What the form holds: text as typed, so a half-typed bound is not thrown away. */
export type TSearchDraft = {
  partition: string;
  kind: TSearchKind;
  query: string;
  from: string;
  to: string;
  budget: string;
};

/** Field messages of a draft; empty when it can run. */
export function draftErrors(draft: TSearchDraft): Partial<Record<keyof TSearchDraft, string>> {
  const errors: Partial<Record<keyof TSearchDraft, string>> = {};
  // An empty field only disables Start; it is not an error while the user has not typed yet.
  if (draft.kind === "jsonata" && draft.query.trim() !== "") {
    const compiled = compileJsonata(draft.query);
    if (!compiled.ok) errors.query = compiled.sentence;
  }
  for (const key of ["from", "to"] as const) {
    if (draft[key].trim() !== "" && parseBound(draft[key]) === null) {
      errors[key] = "Enter an offset (1234) or a date-time (2026-11-22T01:00:00Z).";
    }
  }
  const budget = Number(draft.budget);
  if (!Number.isInteger(budget) || budget < 1) errors.budget = "Enter a whole number of messages, at least 1.";
  return errors;
}

/** Kind, expression, partition, range and budget of a search; every change lands in the URL. */
export function SearchForm(props: {
  topic: TTopicDescription;
  draft: TSearchDraft;
  onChange: (changes: Partial<TSearchDraft>) => void;
  disabled: boolean;
}) {
  const { draft, onChange, disabled } = props;
  const errors = draftErrors(draft);
  const isJsonata = draft.kind === "jsonata";
  return (
    <div className="grid gap-3 md:grid-cols-[10rem_1fr]">
      <Field label="Search by">
        <Select
          value={draft.kind}
          disabled={disabled}
          onChange={(event) => onChange({ kind: event.target.value as TSearchKind })}
        >
          <option value="text">Text</option>
          <option value="jsonata">JSONata</option>
        </Select>
      </Field>
      <Field
        label={isJsonata ? "JSONata predicate" : "Text"}
        hint={
          isJsonata
            ? 'Sees {key, value, headers, partition, offset, timestamp}; value is parsed JSON when it parses. Example: value.status = "failed"'
            : "Case-insensitive, in keys, values and headers (as UTF-8)."
        }
        error={errors.query}
      >
        <Input
          value={draft.query}
          disabled={disabled}
          spellCheck={false}
          autoComplete="off"
          className="font-mono"
          placeholder={isJsonata ? 'value.status = "failed" and partition = 3' : "order-1234"}
          onChange={(event) => onChange({ query: event.target.value })}
        />
      </Field>
      <Field label="Partition">
        <Select
          value={draft.partition}
          disabled={disabled}
          onChange={(event) => onChange({ partition: event.target.value })}
        >
          <option value="all">All partitions</option>
          {props.topic.partitions.map((candidate) => (
            <option key={candidate.partition} value={String(candidate.partition)}>
              Partition {candidate.partition}
            </option>
          ))}
        </Select>
      </Field>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="From" hint="Offset or date-time; empty: the earliest." error={errors.from}>
          <Input
            value={draft.from}
            disabled={disabled}
            placeholder="earliest"
            onChange={(event) => onChange({ from: event.target.value })}
          />
        </Field>
        <Field label="To" hint="Inclusive; empty: the latest at start." error={errors.to}>
          <Input
            value={draft.to}
            disabled={disabled}
            placeholder="latest"
            onChange={(event) => onChange({ to: event.target.value })}
          />
        </Field>
        <Field label="Scan at most" hint="Messages; the search stops there and says so." error={errors.budget}>
          <Input
            value={draft.budget}
            disabled={disabled}
            inputMode="numeric"
            onChange={(event) => onChange({ budget: event.target.value.replace(/[,_\s]/g, "") })}
          />
        </Field>
      </div>
    </div>
  );
}
