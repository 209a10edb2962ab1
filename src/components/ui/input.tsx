"use client";

import {
  createContext,
  useContext,
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { cn } from "~/lib/cn";

type FieldControl = { id: string; describedBy: string | undefined; isInvalid: boolean };

/** Set by `Field` so the control inside it gets the label's id and the hint/error wiring. */
const FieldContext = createContext<FieldControl | null>(null);

/** Props a control takes from the surrounding `Field`; explicit props win. */
function useFieldProps(props: Pick<InputHTMLAttributes<HTMLElement>, "id" | "aria-describedby" | "aria-invalid">) {
  const field = useContext(FieldContext);
  const describedBy = [field?.describedBy, props["aria-describedby"]].filter(Boolean).join(" ") || undefined;
  const isInvalid = props["aria-invalid"] ?? (field?.isInvalid ? true : undefined);
  return { id: props.id ?? field?.id, "aria-describedby": describedBy, "aria-invalid": isInvalid };
}

const CONTROL =
  "h-9 w-full rounded-md border border-line bg-surface px-3 text-sm text-ink placeholder:text-muted/70 disabled:opacity-50 aria-[invalid=true]:border-danger";

export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  const wired = useFieldProps(props);
  return <input {...props} {...wired} className={cn(CONTROL, className)} />;
}

/** A multi-line text control, e.g. one entry per line. */
export function Textarea({ className, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const wired = useFieldProps(props);
  return <textarea {...props} {...wired} className={cn(CONTROL, "h-auto py-2 font-mono", className)} />;
}

/**
 * A native select. `min-w-fit` keeps it at least as wide as its longest option plus the browser's
 * arrow, whatever width a caller sets (a fixed w-24 or w-36 cut labels short); pr-8 keeps the label
 * clear of the arrow.
 */
export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  const wired = useFieldProps(props);
  return <select {...props} {...wired} className={cn(CONTROL, "pr-8", className, "min-w-fit")} />;
}

type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & { label: ReactNode };

/** A checkbox with its label to the right; the whole label is clickable. */
export function Checkbox({ label, className, ...props }: CheckboxProps) {
  const wired = useFieldProps(props);
  return (
    <label className={cn("inline-flex cursor-pointer items-center gap-2 text-sm select-none", className)}>
      <input {...props} {...wired} type="checkbox" className="border-line accent-accent size-4 rounded" />
      <span>{label}</span>
    </label>
  );
}

type FieldProps = {
  label: ReactNode;
  /** A short line under the control saying what the value means. */
  hint?: ReactNode;
  /** The sentence saying what is wrong; marks the control aria-invalid. */
  error?: string | null;
  /** Fix the control's id (otherwise generated). */
  id?: string;
  className?: string;
  children: ReactNode;
};

/**
 * A labelled control with hint and error text. The control inside (Input, Select, Checkbox) gets
 * the id the label points at, aria-describedby naming the hint and error, and aria-invalid.
 */
export function Field({ label, hint, error, id, className, children }: FieldProps) {
  const generated = useId();
  const controlId = id ?? `field-${generated}`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const control: FieldControl = {
    id: controlId,
    describedBy: [errorId, hintId].filter(Boolean).join(" ") || undefined,
    isInvalid: Boolean(error),
  };
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={controlId} className="block text-sm font-medium">
        {label}
      </label>
      <FieldContext.Provider value={control}>{children}</FieldContext.Provider>
      {hint ? (
        <p id={hintId} className="text-muted text-xs">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-danger text-xs">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A group of controls under one legend (e.g. amount + unit + "forever"), with hint and error. */
export function FieldGroup({
  legend,
  hint,
  error,
  className,
  children,
}: Omit<FieldProps, "label" | "id"> & { legend: ReactNode }) {
  const generated = useId();
  const hintId = hint ? `group-${generated}-hint` : undefined;
  const errorId = error ? `group-${generated}-error` : undefined;
  return (
    <fieldset
      aria-describedby={[errorId, hintId].filter(Boolean).join(" ") || undefined}
      aria-invalid={error ? true : undefined}
      className={cn("space-y-1", className)}
    >
      <legend className="mb-1 block text-sm font-medium">{legend}</legend>
      {children}
      {hint ? (
        <p id={hintId} className="text-muted text-xs">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-danger text-xs">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
