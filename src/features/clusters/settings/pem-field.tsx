"use client";

import { FileUp } from "lucide-react";
import { useId, type ReactNode } from "react";
import { Field, Textarea } from "~/components/ui/input";

type PemFieldProps = {
  label: string;
  hint?: ReactNode;
  error?: string | null;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  disabled?: boolean;
};

/** PEM text, typed or pasted, or read from a file the admin picks (read in the browser, sent as text). */
export function PemField({ label, hint, error, value, onChange, placeholder, disabled }: PemFieldProps) {
  const fileId = useId();
  return (
    <div className="space-y-1">
      <Field label={label} hint={hint} error={error}>
        <Textarea
          rows={4}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          placeholder={placeholder ?? "-----BEGIN CERTIFICATE-----"}
          spellCheck={false}
          autoComplete="off"
          disabled={disabled}
          className="text-xs"
        />
      </Field>
      <label
        htmlFor={fileId}
        className="text-accent inline-flex cursor-pointer items-center gap-1 text-xs hover:underline has-[:focus-visible]:underline"
      >
        <FileUp aria-hidden className="size-3.5" />
        Read the {lowerFirst(label)} from a file…
        <input
          id={fileId}
          type="file"
          accept=".pem,.crt,.cer,.key,text/plain"
          className="sr-only"
          disabled={disabled}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void file.text().then(onChange);
            event.target.value = "";
          }}
        />
      </label>
    </div>
  );
}

/** "Client key" → "client key", but "CA bundle" stays as it is. */
function lowerFirst(label: string): string {
  return label.replace(/^[A-Z][a-z]/, (start) => start.toLowerCase());
}
