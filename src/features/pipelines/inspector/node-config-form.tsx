"use client";

import { useState } from "react";
import type { TPipelineNode } from "~/domain/pipelines/document";
import { specOf } from "~/domain/pipelines/kinds";
import { ConfigField, type TFieldContext } from "./config-field";
import { toIssues, unplacedIssues } from "./config-path";

/**
 * The kind's fields as a form. The form edits a draft: a config that fits the kind's schema goes
 * into the document at once (so the canvas and the rules follow as you type); one that does not
 * stays in the draft with the schema's sentences under its fields, and the document keeps the last
 * config that fitted (a document that does not parse cannot be saved).
 */
export function NodeConfigForm({
  node,
  context,
  onApply,
}: {
  node: TPipelineNode;
  context: TFieldContext;
  onApply: (config: unknown) => void;
}) {
  const spec = specOf(node.kind);
  const [draft, setDraft] = useState<unknown>(node.config);
  const [applied, setApplied] = useState<unknown>(node.config);
  // The config changed from outside the form (undo, redo, paste over): show it.
  if (node.config !== applied) {
    setApplied(node.config);
    setDraft(node.config);
  }
  const parsed = spec.config.safeParse(draft);
  const issues = parsed.success ? [] : toIssues(parsed.error.issues);
  let fields: ReturnType<typeof spec.fields> = [];
  try {
    fields = spec.fields(draft);
  } catch {
    fields = spec.fields(node.config);
  }
  const orphans = unplacedIssues(
    issues,
    fields.map((field) => field.path),
  );

  function change(next: unknown) {
    setDraft(next);
    const result = spec.config.safeParse(next);
    if (result.success) {
      setApplied(result.data);
      onApply(result.data);
    }
  }

  if (fields.length === 0) return null;
  return (
    <div className="space-y-4">
      {fields.map((field) => (
        <ConfigField
          key={`${field.type}:${field.path}`}
          field={field}
          config={draft}
          prefix=""
          issues={issues}
          context={context}
          onChange={change}
        />
      ))}
      {orphans.length > 0 ? (
        <ul className="text-danger space-y-1 text-xs">
          {orphans.map((issue, index) => (
            <li key={index}>{issue.message}</li>
          ))}
        </ul>
      ) : null}
      {parsed.success ? null : (
        <p className="text-muted text-xs">
          Until the fields above are fixed, the pipeline keeps the step&apos;s last valid settings.
        </p>
      )}
    </div>
  );
}
