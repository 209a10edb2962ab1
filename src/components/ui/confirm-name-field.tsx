"use client";

import { Field, Input } from "./input";

type ConfirmNameFieldProps = {
  /** What the user types to confirm: the name of the thing that goes for good. */
  name: string;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  className?: string;
  /** Focus it when its dialog opens. */
  isAutoFocus?: boolean;
};

/** "Type orders to confirm": the one guard before deleting or removing something for good. */
export function ConfirmNameField({ name, value, onChange, disabled, className, isAutoFocus }: ConfirmNameFieldProps) {
  return (
    <Field label={`Type ${name} to confirm`}>
      <Input
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className={className ?? "font-mono"}
        spellCheck={false}
        autoComplete="off"
        disabled={disabled}
        data-autofocus={isAutoFocus ? true : undefined}
      />
    </Field>
  );
}
