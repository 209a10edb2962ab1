"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ErrorBanner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import { Field, Input, Select, Textarea } from "~/components/ui/input";
import {
  COMPATIBILITY_MODES,
  PRODUCE_VALIDATION_MODES,
  type TTopicDefinitionFields,
} from "~/domain/definitions/definition";
import { useTRPC } from "~/trpc/react";
import { DefinitionKafkaFields } from "./definition-kafka-fields";
import { LayerSelect } from "./layer-select";
import { formFromDefinition, formToDefinitionInput, type TDefinitionForm } from "./definition-form-state";

const COMPATIBILITY_HINTS = {
  backward: "Consumers on the new schema read data written with the previous one.",
  forward: "Consumers on the previous schema read data written with the new one.",
  full: "Both backward and forward.",
  none: "Any new version is accepted.",
} as const;

const PRODUCE_VALIDATION_HINTS = {
  refuse: "Produce refuses a value that breaks the schema, saying where.",
  warn: "Produce sends it and shows where it breaks the schema.",
  off: "Produce does not check values.",
} as const;

type DefinitionFormProps = {
  clusterId: string;
  definition: TTopicDefinitionFields;
  onDone: () => void;
};

/** Edits a saved definition. Saving changes only the definition; Kafka changes when a plan is applied. */
export function DefinitionForm({ clusterId, definition, onDone }: DefinitionFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<TDefinitionForm>(() => formFromDefinition(definition));
  const [isSubmitted, setIsSubmitted] = useState(false);
  const save = useMutation({
    ...trpc.definitions.save.mutationOptions(),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.definitions.pathKey() });
      onDone();
    },
  });
  const { input, errors } = formToDefinitionInput(form);
  const shownErrors = isSubmitted ? errors : {};
  const edit = (change: Partial<TDefinitionForm>) => setForm((current) => ({ ...current, ...change }));

  function submit(event: FormEvent) {
    event.preventDefault();
    setIsSubmitted(true);
    if (Object.keys(errors).length > 0 || save.isPending) return;
    save.mutate({ clusterId, definition: input });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-5" aria-label="Edit the definition">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Layer" hint="What the topic holds, in the seeds' grouping.">
          <LayerSelect value={form.layer} onChange={(layer) => edit({ layer })} />
        </Field>
        <Field label="Owner" error={shownErrors.owner} hint="The team or person to ask about this topic.">
          <Input value={form.owner} onChange={(event) => edit({ owner: event.target.value })} data-autofocus />
        </Field>
      </div>
      <Field
        label="Description"
        error={shownErrors.description}
        hint="Markdown. Links must be http(s); HTML is dropped."
      >
        <Textarea
          rows={5}
          className="font-sans"
          value={form.description}
          onChange={(event) => edit({ description: event.target.value })}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Tags"
          error={shownErrors.tags}
          hint="Separated by commas or spaces: lower-case letters, digits, '.', '_', '-'."
        >
          <Input
            value={form.tagsText}
            onChange={(event) => edit({ tagsText: event.target.value })}
            spellCheck={false}
          />
        </Field>
        <Field
          label="Key"
          error={shownErrors.keyDescription}
          hint="What the message key is, e.g. stream id: server-<n>-<metric>."
        >
          <Input value={form.keyDescription} onChange={(event) => edit({ keyDescription: event.target.value })} />
        </Field>
      </div>
      <DefinitionKafkaFields
        form={form.kafka}
        errors={shownErrors}
        onChange={(change) => edit({ kafka: { ...form.kafka, ...change } })}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Schema compatibility" hint={COMPATIBILITY_HINTS[form.compatibility]}>
          <Select
            value={form.compatibility}
            onChange={(event) => edit({ compatibility: event.target.value as TDefinitionForm["compatibility"] })}
          >
            {COMPATIBILITY_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {mode}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Produce validation" hint={PRODUCE_VALIDATION_HINTS[form.produceValidation]}>
          <Select
            value={form.produceValidation}
            onChange={(event) =>
              edit({ produceValidation: event.target.value as TDefinitionForm["produceValidation"] })
            }
          >
            {PRODUCE_VALIDATION_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {mode}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <ErrorBanner error={save.error} />
      <div className="flex justify-end gap-2">
        <Button onClick={onDone} disabled={save.isPending}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save definition"}
        </Button>
      </div>
    </form>
  );
}
