"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { Textarea } from "~/components/ui/input";
import { toUserMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";

/** Typing pauses this long before the expression is evaluated on the sample. */
const PREVIEW_DELAY_MS = 300;

/**
 * A JSONata expression with its result on a sample value beside it, evaluated on the server with
 * the JSONata budgets as it is typed; a syntax error says where it is.
 */
export function JsonataInput({
  id,
  value,
  result,
  sample,
  placeholder,
  onChange,
}: {
  id: string;
  value: unknown;
  result: "predicate" | "value";
  /** A sample value as JSON text (the dry run's first record into this step, or one the user typed). */
  sample: string;
  placeholder?: string;
  onChange: (expression: string) => void;
}) {
  const trpc = useTRPC();
  const sampleId = useId();
  const expression = typeof value === "string" ? value : "";
  const [sampleText, setSampleText] = useState(sample);
  const preview = useMutation(trpc.pipelines.previewExpression.mutationOptions());
  const { mutate } = preview;
  useEffect(() => {
    if (!expression.trim()) return;
    const timer = setTimeout(() => mutate({ expression, sample: sampleText, result }), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [expression, sampleText, result, mutate]);
  const outcome = expression.trim() ? preview.data : undefined;
  return (
    <div className="space-y-2">
      <Textarea
        id={id}
        rows={Math.min(8, Math.max(2, expression.split("\n").length))}
        spellCheck={false}
        placeholder={placeholder}
        value={expression}
        onChange={(event) => onChange(event.target.value)}
      />
      <details className="text-xs">
        <summary className="text-muted cursor-pointer">Sample value</summary>
        <label htmlFor={sampleId} className="sr-only">
          Sample value (JSON)
        </label>
        <Textarea
          id={sampleId}
          rows={4}
          spellCheck={false}
          className="mt-1 text-xs"
          value={sampleText}
          onChange={(event) => setSampleText(event.target.value)}
        />
      </details>
      <div aria-live="polite" className="text-xs" data-testid="expression-preview">
        {preview.error ? (
          <p className="text-danger">{toUserMessage(preview.error).message}</p>
        ) : outcome?.ok ? (
          <p className="text-muted">
            On the sample:{" "}
            <code className="text-ink bg-surface-raised rounded px-1 break-all">{outcome.resultJson}</code>
          </p>
        ) : outcome ? (
          <p className="text-danger">
            {outcome.sentence}
            {outcome.position !== null ? ` (at character ${outcome.position})` : ""}
          </p>
        ) : null}
      </div>
    </div>
  );
}
