"use client";

import { useState } from "react";
import { Input, Select } from "~/components/ui/input";

const UNITS = [
  { unit: "h", ms: 3_600_000 },
  { unit: "min", ms: 60_000 },
  { unit: "s", ms: 1_000 },
  { unit: "ms", ms: 1 },
] as const;
type TUnit = (typeof UNITS)[number]["unit"];

/** The largest unit the value is a whole number of, so 60000 ms shows as 1 min. */
function bestUnit(ms: number): TUnit {
  return UNITS.find((candidate) => ms !== 0 && ms % candidate.ms === 0)?.unit ?? "ms";
}
const msOf = (unit: TUnit) => UNITS.find((candidate) => candidate.unit === unit)?.ms ?? 1;

/** Milliseconds edited as an amount and a unit; an empty amount is reported as undefined. */
export function DurationInput({
  id,
  value,
  onChange,
}: {
  id: string;
  value: unknown;
  onChange: (ms: number | undefined) => void;
}) {
  const ms = typeof value === "number" ? value : null;
  const [unit, setUnit] = useState<TUnit>(() => (ms === null ? "s" : bestUnit(ms)));
  const amount = ms === null ? "" : String(ms / msOf(unit));
  return (
    <div className="flex gap-2">
      <Input
        id={id}
        type="number"
        min={0}
        step="any"
        value={amount}
        onChange={(event) => {
          const text = event.target.value;
          onChange(text === "" ? undefined : Math.round(Number(text) * msOf(unit)));
        }}
      />
      <Select
        aria-label="Unit"
        value={unit}
        onChange={(event) => {
          const next = event.target.value as TUnit;
          setUnit(next);
          if (ms !== null) onChange(Math.round((ms / msOf(unit)) * msOf(next)));
        }}
      >
        {UNITS.map(({ unit: option }) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </Select>
    </div>
  );
}
