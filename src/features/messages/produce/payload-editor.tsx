"use client";

import { Button } from "~/components/ui/button";
import { Field, Select } from "~/components/ui/input";
import { cn } from "~/lib/cn";
import { payloadProblem, type TPayloadDraft, type TPayloadFormat } from "./produce-draft";

const FORMAT_LABELS: Record<TPayloadFormat, string> = {
  json: "JSON",
  text: "Text (UTF-8)",
  base64: "Bytes (base64)",
  null: "null",
};

type PayloadEditorProps = {
  label: string;
  draft: TPayloadDraft;
  onChange: (draft: TPayloadDraft) => void;
  rows?: number;
  hint?: string;
};

/** A key or value: its format, and the text checked as you type (JSON shows the parser's sentence). */
export function PayloadEditor({ label, draft, onChange, rows = 6, hint }: PayloadEditorProps) {
  const problem = payloadProblem(draft);
  const isNull = draft.format === "null";

  function formatJson() {
    try {
      onChange({ ...draft, text: JSON.stringify(JSON.parse(draft.text), null, 2) });
    } catch {
      // The problem is already shown under the field.
    }
  }

  return (
    <Field label={label} hint={hint} error={problem}>
      <div className="space-y-2">
        <div className="flex items-center gap-2">
          <Select
            aria-label={`${label} format`}
            value={draft.format}
            onChange={(event) => onChange({ ...draft, format: event.target.value as TPayloadFormat })}
            className="w-44"
          >
            {Object.entries(FORMAT_LABELS).map(([format, text]) => (
              <option key={format} value={format}>
                {text}
              </option>
            ))}
          </Select>
          {draft.format === "json" ? (
            <Button type="button" variant="ghost" onClick={formatJson} disabled={problem !== null}>
              Format
            </Button>
          ) : null}
        </div>
        {isNull ? (
          <p className="text-muted text-sm">
            {label === "Value" ? "A null value: on a compacted topic, a tombstone that deletes the key." : "No key."}
          </p>
        ) : (
          <textarea
            aria-label={label}
            aria-invalid={problem ? true : undefined}
            spellCheck={false}
            rows={rows}
            value={draft.text}
            onChange={(event) => onChange({ ...draft, text: event.target.value })}
            className={cn(
              "border-line bg-surface text-ink w-full rounded-md border px-3 py-2 font-mono text-xs",
              "aria-[invalid=true]:border-danger",
            )}
          />
        )}
      </div>
    </Field>
  );
}
