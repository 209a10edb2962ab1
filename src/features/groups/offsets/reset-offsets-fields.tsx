"use client";

import type { TOffsetResetKind } from "~/domain/groups/offset-reset";
import { Field, FieldGroup, Input, Select } from "~/components/ui/input";
import { STRATEGY_LABELS, VALUE_LABELS, type TResetForm } from "./reset-form";
import { TopicPicker } from "./topic-picker";

type FieldsProps = {
  clusterId: string;
  form: TResetForm;
  onChange: (form: TResetForm) => void;
  errors: Partial<Record<"topic" | "partitions" | "value", string>>;
  disabled: boolean;
};

/** Scope (topic, all or chosen partitions), strategy and its value. */
export function ResetOffsetsFields({ clusterId, form, onChange, errors, disabled }: FieldsProps) {
  const valueField = VALUE_LABELS[form.kind];
  return (
    <div className="space-y-4">
      <TopicPicker
        clusterId={clusterId}
        value={form.topic}
        onChange={(topic) => onChange({ ...form, topic })}
        disabled={disabled}
      />
      <FieldGroup legend="Partitions" error={errors.partitions}>
        <div className="flex flex-wrap items-center gap-4 text-sm">
          <label className="inline-flex items-center gap-2">
            <input
              type="radio"
              name="reset-scope"
              checked={form.scope === "all"}
              onChange={() => onChange({ ...form, scope: "all" })}
              disabled={disabled}
            />
            Every partition
          </label>
          <label className="inline-flex items-center gap-2">
            <input
              type="radio"
              name="reset-scope"
              checked={form.scope === "chosen"}
              onChange={() => onChange({ ...form, scope: "chosen" })}
              disabled={disabled}
            />
            Chosen partitions
          </label>
          {form.scope === "chosen" ? (
            <Input
              aria-label="Chosen partitions"
              placeholder="0, 2-3"
              value={form.partitionsText}
              onChange={(event) => onChange({ ...form, partitionsText: event.target.value })}
              className="w-40 font-mono"
              disabled={disabled}
            />
          ) : null}
        </div>
      </FieldGroup>
      <Field label="Reset to">
        <Select
          value={form.kind}
          onChange={(event) => onChange({ ...form, kind: event.target.value as TOffsetResetKind, value: "" })}
          disabled={disabled}
        >
          {Object.entries(STRATEGY_LABELS).map(([kind, label]) => (
            <option key={kind} value={kind}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      {valueField ? (
        <Field label={valueField.label} hint={valueField.hint} error={form.value === "" ? null : errors.value}>
          <Input
            value={form.value}
            onChange={(event) => onChange({ ...form, value: event.target.value })}
            className="font-mono"
            inputMode={form.kind === "timestamp" ? "text" : "numeric"}
            spellCheck={false}
            autoComplete="off"
            disabled={disabled}
          />
        </Field>
      ) : null}
    </div>
  );
}
