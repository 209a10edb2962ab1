"use client";

import { Plus, Trash2 } from "lucide-react";
import { Button } from "~/components/ui/button";
import { FieldGroup, Input } from "~/components/ui/input";
import type { THeaderDraft } from "./produce-draft";

type HeadersEditorProps = { headers: THeaderDraft[]; onChange: (headers: THeaderDraft[]) => void; error?: string };

/** Header rows: a name and a text value each; a name may repeat, as Kafka allows. */
export function HeadersEditor({ headers, onChange, error }: HeadersEditorProps) {
  function change(index: number, next: THeaderDraft) {
    onChange(headers.map((header, at) => (at === index ? next : header)));
  }

  return (
    <FieldGroup legend="Headers" error={error}>
      <div className="space-y-2">
        {headers.map((header, index) => (
          <div key={index} className="flex items-center gap-2">
            <Input
              aria-label={`Header ${index + 1} name`}
              placeholder="name"
              value={header.key}
              onChange={(event) => change(index, { ...header, key: event.target.value })}
              className="w-40 font-mono text-xs"
            />
            <Input
              aria-label={`Header ${index + 1} value`}
              placeholder={header.value.format === "base64" ? "base64 bytes" : "value"}
              value={header.value.text}
              disabled={header.value.format === "null"}
              onChange={(event) => change(index, { ...header, value: { ...header.value, text: event.target.value } })}
              className="font-mono text-xs"
            />
            <Button
              type="button"
              variant="ghost"
              aria-label={`Remove header ${header.key || index + 1}`}
              onClick={() => onChange(headers.filter((_, at) => at !== index))}
            >
              <Trash2 aria-hidden className="size-4" />
            </Button>
          </div>
        ))}
        <Button
          type="button"
          variant="ghost"
          onClick={() => onChange([...headers, { key: "", value: { format: "text", text: "" } }])}
        >
          <Plus aria-hidden className="size-4" />
          Add header
        </Button>
      </div>
    </FieldGroup>
  );
}
