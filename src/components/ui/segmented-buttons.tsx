"use client";

import { cn } from "~/lib/cn";

type TOption<T extends string> = { value: T; label: string };

/**
 * A row of toggle buttons where exactly one is pressed (the lag chart's range and metric, a pipeline step's chart range). Plain
 * buttons with aria-pressed: Tab reaches each, Enter or Space picks it.
 */
export function SegmentedButtons<T extends string>({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: readonly TOption<T>[];
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <div role="group" aria-label={label} className="border-line inline-flex overflow-hidden rounded-md border">
      {options.map((option) => {
        const isPressed = option.value === value;
        return (
          <button
            key={option.value}
            type="button"
            aria-pressed={isPressed}
            onClick={() => onChange(option.value)}
            className={cn(
              "border-line h-8 px-2.5 text-xs font-medium transition-colors not-first:border-l",
              "focus-visible:outline-accent focus-visible:outline-2 focus-visible:-outline-offset-2",
              isPressed ? "bg-accent text-accent-ink" : "bg-surface text-muted hover:bg-surface-raised hover:text-ink",
            )}
          >
            {option.label}
          </button>
        );
      })}
    </div>
  );
}
