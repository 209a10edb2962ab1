"use client";

import { Plus, Trash2 } from "lucide-react";
import { Button } from "~/components/ui/button";
import { Field, FieldGroup, Input, Select, Textarea } from "~/components/ui/input";
import type { TSourceDraft } from "./dry-run-source";

const SOURCE_TYPES = [
  { value: "latest", label: "Newest records of each source topic" },
  { value: "range", label: "An offset range of one partition" },
  { value: "typed", label: "Records I type" },
] as const;

type SourceChooserProps = {
  draft: TSourceDraft;
  onChange: (draft: TSourceDraft) => void;
  /** Topics no step writes: what the pipeline reads first. */
  sourceTopics: string[];
  disabled: boolean;
};

/** Where the dry run's records come from; real messages are read without a consumer group. */
export function SourceChooser({ draft, onChange, sourceTopics, disabled }: SourceChooserProps) {
  const set = (patch: Partial<TSourceDraft>) => onChange({ ...draft, ...patch });
  return (
    <div className="space-y-3">
      <Field label="Records to run">
        <Select
          value={draft.type}
          disabled={disabled}
          onChange={(event) => set({ type: event.target.value as TSourceDraft["type"] })}
        >
          {SOURCE_TYPES.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      </Field>
      {draft.type === "latest" ? (
        <Field
          label="Records per topic"
          hint={
            sourceTopics.length > 0
              ? `From ${sourceTopics.join(", ")}, read without a consumer group.`
              : "Connect a topic to a step first: the dry run reads the topics no step writes."
          }
        >
          <Input
            inputMode="numeric"
            value={draft.perTopic}
            disabled={disabled}
            onChange={(event) => set({ perTopic: event.target.value })}
          />
        </Field>
      ) : (
        <TopicField draft={draft} sourceTopics={sourceTopics} disabled={disabled} onTopic={(topic) => set({ topic })} />
      )}
      {draft.type === "range" ? (
        <FieldGroup legend="Partition and offsets" hint="From the first offset up to (not including) the last.">
          <div className="grid grid-cols-3 gap-2">
            <Input
              aria-label="Partition"
              inputMode="numeric"
              value={draft.partition}
              disabled={disabled}
              onChange={(event) => set({ partition: event.target.value })}
            />
            <Input
              aria-label="From offset"
              inputMode="numeric"
              value={draft.fromOffset}
              disabled={disabled}
              onChange={(event) => set({ fromOffset: event.target.value })}
            />
            <Input
              aria-label="To offset"
              inputMode="numeric"
              value={draft.toOffset}
              disabled={disabled}
              onChange={(event) => set({ toOffset: event.target.value })}
            />
          </div>
        </FieldGroup>
      ) : null}
      {draft.type === "typed" ? <TypedRows draft={draft} disabled={disabled} onChange={onChange} /> : null}
    </div>
  );
}

function TopicField({
  draft,
  sourceTopics,
  disabled,
  onTopic,
}: {
  draft: TSourceDraft;
  sourceTopics: string[];
  disabled: boolean;
  onTopic: (topic: string) => void;
}) {
  if (sourceTopics.length === 0) {
    return (
      <Field label="Topic">
        <Input value={draft.topic} disabled={disabled} onChange={(event) => onTopic(event.target.value)} />
      </Field>
    );
  }
  return (
    <Field label="Topic">
      <Select value={draft.topic} disabled={disabled} onChange={(event) => onTopic(event.target.value)}>
        {sourceTopics.map((topic) => (
          <option key={topic} value={topic}>
            {topic}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** Key + value rows; a value that is JSON is parsed as JSON, anything else stays text (as on the server). */
function TypedRows({
  draft,
  disabled,
  onChange,
}: {
  draft: TSourceDraft;
  disabled: boolean;
  onChange: (draft: TSourceDraft) => void;
}) {
  const setRow = (index: number, patch: Partial<TSourceDraft["rows"][number]>) =>
    onChange({ ...draft, rows: draft.rows.map((row, at) => (at === index ? { ...row, ...patch } : row)) });
  return (
    <FieldGroup
      legend="Records"
      hint="A value that is JSON is read as JSON; anything else is text. An empty key: no key."
    >
      <ol className="space-y-2">
        {draft.rows.map((row, index) => (
          <li key={index} className="flex items-start gap-2" data-testid="typed-record">
            <Input
              aria-label={`Key of record ${index + 1}`}
              placeholder="server-1-cpu"
              value={row.key}
              disabled={disabled}
              onChange={(event) => setRow(index, { key: event.target.value })}
              className="w-36 shrink-0 font-mono"
            />
            <Textarea
              aria-label={`Value of record ${index + 1}`}
              placeholder='{"server": "server-1", "metric": "cpu", "value": 42}'
              rows={2}
              value={row.value}
              disabled={disabled}
              onChange={(event) => setRow(index, { value: event.target.value })}
              spellCheck={false}
            />
            <Button
              variant="ghost"
              aria-label={`Remove record ${index + 1}`}
              disabled={disabled || draft.rows.length === 1}
              onClick={() => onChange({ ...draft, rows: draft.rows.filter((_, at) => at !== index) })}
              className="px-2"
            >
              <Trash2 aria-hidden className="size-4" />
            </Button>
          </li>
        ))}
      </ol>
      <Button
        variant="ghost"
        disabled={disabled || draft.rows.length >= 1_000}
        onClick={() => onChange({ ...draft, rows: [...draft.rows, { key: "", value: "" }] })}
      >
        <Plus aria-hidden className="size-4" />
        Add a record
      </Button>
    </FieldGroup>
  );
}
