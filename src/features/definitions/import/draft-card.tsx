"use client";

import { Card, CardHeader } from "~/components/ui/card";
import { Field, Input, Textarea } from "~/components/ui/input";
import { readableConfigValue } from "~/features/topics/detail/config-display";
import { pluralize } from "~/lib/format";
import { LayerSelect } from "../detail/layer-select";
import type { TDraftForm } from "./import-state";

type DraftCardProps = {
  draft: TDraftForm;
  errors: Record<string, string>;
  onChange: (draft: TDraftForm) => void;
};

/** One topic's draft: owner and layer to set, Kafka's values as read, and the inferred schema to edit. */
export function DraftCard({ draft, errors, onChange }: DraftCardProps) {
  const { definition } = draft;
  const edit = (change: Partial<TDraftForm["definition"]>) =>
    onChange({ ...draft, definition: { ...definition, ...change } });
  const configs = Object.entries(definition.configs).sort(([a], [b]) => a.localeCompare(b));
  return (
    <Card data-testid="import-draft" data-topic={definition.topicName} aria-label={`Draft for ${definition.topicName}`}>
      <CardHeader
        title={<span className="font-mono">{definition.topicName}</span>}
        description={`${pluralize(definition.partitions, "partition")}, replication factor ${definition.replicationFactor}; ${pluralize(draft.sampled, "message")} sampled.`}
      />
      <div className="grid gap-5 px-5 py-4 lg:grid-cols-2">
        <div className="space-y-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Owner" error={errors.owner} hint="The team or person to ask about this topic.">
              <Input value={definition.owner} onChange={(event) => edit({ owner: event.target.value })} />
            </Field>
            <Field label="Layer">
              <LayerSelect value={definition.layer} onChange={(layer) => edit({ layer })} />
            </Field>
          </div>
          <div className="text-sm">
            <p className="font-medium">Configs set on the topic</p>
            {configs.length === 0 ? (
              <p className="text-muted">None: every config takes the broker&apos;s default.</p>
            ) : (
              <ul className="font-mono text-xs">
                {configs.map(([name, value]) => {
                  const readable = readableConfigValue(name, value);
                  return (
                    <li key={name}>
                      {name} = {value}
                      {readable ? <span className="text-muted font-sans"> ({readable})</span> : null}
                    </li>
                  );
                })}
              </ul>
            )}
            <p className="text-muted mt-1 text-xs">
              Edit them, the description and tags on the definition page after saving.
            </p>
          </div>
          {Object.entries(errors)
            .filter(([key]) => key !== "owner")
            .map(([key, message]) => (
              <p key={key} className="text-danger text-xs">
                {key}: {message}
              </p>
            ))}
        </div>
        <Field
          label="Value schema (JSON Schema, inferred)"
          hint={draft.note ?? "A draft from the sampled values: tighten it before relying on it. Empty: no schema."}
        >
          <Textarea
            rows={12}
            className="text-xs"
            value={draft.schemaText}
            onChange={(event) => onChange({ ...draft, schemaText: event.target.value })}
            spellCheck={false}
          />
        </Field>
      </div>
    </Card>
  );
}
