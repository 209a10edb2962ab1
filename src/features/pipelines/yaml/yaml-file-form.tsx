"use client";

import type { ChangeEvent, FormEvent, ReactNode } from "react";
import { Banner, ErrorBanner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { DialogClose, DialogFooter } from "~/components/ui/dialog";
import { Field, Textarea } from "~/components/ui/input";

type YamlFileFormProps = {
  text: string;
  onText: (text: string) => void;
  problems: string[];
  error: unknown;
  isPending: boolean;
  submitLabel: string;
  pendingLabel: string;
  onSubmit: () => void;
  /** A note above the buttons (what importing replaces). */
  children?: ReactNode;
};

/** A pipeline YAML file (picked or pasted), its problems as sentences, and the button that imports it. */
export function YamlFileForm(props: YamlFileFormProps) {
  const { text, onText, problems, error, isPending, submitLabel, pendingLabel, onSubmit, children } = props;

  async function readFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (file) onText(await file.text());
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim() === "" || isPending || problems.length > 0) return;
    onSubmit();
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <Field label="YAML file" hint="A file exported from a pipeline, or written by hand in the same shape.">
        <input
          type="file"
          accept=".yaml,.yml,application/yaml,text/yaml"
          onChange={(event) => void readFile(event)}
          className="text-sm"
        />
      </Field>
      <Field label="Pipeline (YAML)">
        <Textarea rows={14} value={text} onChange={(event) => onText(event.target.value)} spellCheck={false} />
      </Field>
      {text.trim() !== "" && problems.length > 0 ? (
        <Banner tone="danger" title="The file cannot be imported as it is.">
          <ul className="list-disc pl-4" data-testid="yaml-problems">
            {problems.slice(0, 30).map((problem, index) => (
              <li key={index}>{problem}</li>
            ))}
          </ul>
        </Banner>
      ) : null}
      <ErrorBanner error={error} />
      {children}
      <DialogFooter>
        <DialogClose asChild>
          <Button>Cancel</Button>
        </DialogClose>
        <Button type="submit" variant="primary" disabled={isPending || text.trim() === "" || problems.length > 0}>
          {isPending ? pendingLabel : submitLabel}
        </Button>
      </DialogFooter>
    </form>
  );
}
