"use client";

import { Plus, Trash2 } from "lucide-react";
import { useId, type ReactNode } from "react";
import { Button } from "~/components/ui/button";
import { Checkbox, Field, FieldGroup, Input, Select } from "~/components/ui/input";
import type { TFieldSpec } from "~/domain/pipelines/kind-spec";
import { getAt, issuesAt, joinPath, setAt, type TIssue } from "./config-path";
import { DurationInput } from "./duration-input";
import { FieldListInput } from "./field-list-input";
import { JsonataInput } from "./jsonata-input";
import { TopicInput } from "./topic-input";

/** What a field needs beyond its value: where topics come from, a sample for expressions, the model picker. */
export type TFieldContext = {
  clusterId: string;
  sample: string;
  renderModelField: (props: { id: string; value: string; onChange: (modelId: string) => void }) => ReactNode;
};

type TConfigFieldProps = {
  field: TFieldSpec;
  /** The whole config being edited, and the prefix of this field's path (a list item's). */
  config: unknown;
  prefix: string;
  issues: readonly TIssue[];
  context: TFieldContext;
  onChange: (config: unknown) => void;
};

const parentOf = (path: string): string => path.split(".").slice(0, -1).join(".");

/** One field of the generic inspector form, rendered from the kind's field spec, with its zod issues under it. */
export function ConfigField({ field, config, prefix, issues, context, onChange }: TConfigFieldProps) {
  const id = useId();
  const path = joinPath(prefix, field.path);
  const value = getAt(config, path);
  const set = (next: unknown) => onChange(setAt(config, path, next));
  const error = issuesAt(issues, path).join(" ") || null;

  switch (field.type) {
    case "boolean":
      return (
        <div className="space-y-1">
          <Checkbox label={field.label} checked={value === true} onChange={(event) => set(event.target.checked)} />
          {field.help ? <p className="text-muted text-xs">{field.help}</p> : null}
          {error ? <p className="text-danger text-xs">{error}</p> : null}
        </div>
      );
    case "multi-select": {
      const chosen = new Set(Array.isArray(value) ? value.map(String) : []);
      return (
        <FieldGroup legend={field.label} hint={field.help} error={error}>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {field.options.map((option) => (
              <Checkbox
                key={option.value}
                label={option.label}
                checked={chosen.has(option.value)}
                onChange={(event) => {
                  const next = new Set(chosen);
                  if (event.target.checked) next.add(option.value);
                  else next.delete(option.value);
                  set(field.options.map((candidate) => candidate.value).filter((candidate) => next.has(candidate)));
                }}
              />
            ))}
          </div>
        </FieldGroup>
      );
    }
    case "list": {
      const items = Array.isArray(value) ? value : [];
      return (
        <FieldGroup
          legend={field.label}
          hint={field.help}
          error={issuesAt(issues, path).length > 0 && items.length === 0 ? error : null}
        >
          <ol className="space-y-2">
            {items.map((_, index) => (
              <li key={index} className="border-line space-y-2 rounded-md border p-2">
                {field.item.map((itemField) => (
                  <ConfigField
                    key={itemField.path}
                    field={itemField}
                    config={config}
                    prefix={joinPath(path, String(index))}
                    issues={issues}
                    context={context}
                    onChange={onChange}
                  />
                ))}
                <Button
                  variant="ghost"
                  className="h-7 px-2 text-xs"
                  onClick={() => set(items.filter((__, other) => other !== index))}
                >
                  <Trash2 aria-hidden className="size-3.5" />
                  Remove
                </Button>
              </li>
            ))}
          </ol>
          <Button className="h-8 text-xs" onClick={() => set([...items, field.newItem()])}>
            <Plus aria-hidden className="size-3.5" />
            {field.addLabel}
          </Button>
        </FieldGroup>
      );
    }
    default:
      return (
        <Field id={id} label={field.label} hint={field.help} error={error}>
          <ControlFor
            field={field}
            id={id}
            value={value}
            set={set}
            replaceParent={(next) => onChange(setAt(config, parentOf(path), next))}
            context={context}
          />
        </Field>
      );
  }
}

function ControlFor({
  field,
  id,
  value,
  set,
  replaceParent,
  context,
}: {
  field: Exclude<TFieldSpec, { type: "boolean" | "multi-select" | "list" }>;
  id: string;
  value: unknown;
  set: (next: unknown) => void;
  replaceParent: (next: unknown) => void;
  context: TFieldContext;
}) {
  switch (field.type) {
    case "text":
      return (
        <Input
          id={id}
          placeholder={field.placeholder}
          value={typeof value === "string" ? value : ""}
          onChange={(event) => set(event.target.value)}
        />
      );
    case "jsonata":
      return (
        <JsonataInput
          id={id}
          value={value}
          result={field.result}
          sample={context.sample}
          placeholder={field.placeholder}
          onChange={set}
        />
      );
    case "number":
      return (
        <Input
          id={id}
          type="number"
          min={field.min}
          max={field.max}
          step={field.step ?? "any"}
          value={typeof value === "number" ? String(value) : ""}
          onChange={(event) => set(event.target.value === "" ? undefined : Number(event.target.value))}
        />
      );
    case "duration":
      return <DurationInput id={id} value={value} onChange={set} />;
    case "select":
      return (
        <Select
          id={id}
          value={typeof value === "string" ? value : ""}
          onChange={(event) => {
            const variant = field.variants?.[event.target.value];
            // A variant choice replaces the object holding the field, so the new variant starts valid.
            if (variant) replaceParent(variant());
            else set(event.target.value);
          }}
        >
          {field.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      );
    case "field-list":
      return <FieldListInput id={id} value={value} onChange={set} />;
    case "topic":
      return <TopicInput id={id} clusterId={context.clusterId} value={value} onChange={set} />;
    case "model":
      return context.renderModelField({ id, value: typeof value === "string" ? value : "", onChange: set });
  }
}
