import {
  parsePartitionList,
  parseTimestampInput,
  validateStrategy,
  type TOffsetResetKind,
  type TOffsetResetStrategy,
} from "~/domain/groups/offset-reset";

export type TResetForm = {
  topic: string;
  scope: "all" | "chosen";
  partitionsText: string;
  kind: TOffsetResetKind;
  value: string;
};

export const INITIAL_RESET_FORM: TResetForm = {
  topic: "",
  scope: "all",
  partitionsText: "",
  kind: "earliest",
  value: "",
};

export const STRATEGY_LABELS: Record<TOffsetResetKind, string> = {
  earliest: "Earliest offset",
  latest: "Latest offset (log end)",
  timestamp: "A time",
  offset: "An explicit offset",
  shift: "Shift by N",
};

export const VALUE_LABELS: Partial<Record<TOffsetResetKind, { label: string; hint: string }>> = {
  timestamp: {
    label: "Time",
    hint: "ISO 8601, e.g. 2026-01-31T12:00:00Z (without a zone: your local time), or milliseconds since 1970.",
  },
  offset: { label: "Offset", hint: "The same offset on every chosen partition, kept within each one's range." },
  shift: { label: "Shift by", hint: "Negative goes back (re-read), positive skips ahead." },
};

type TFormCheck =
  | { ok: true; partitions: number[] | undefined; strategy: TOffsetResetStrategy }
  | { ok: false; field: "topic" | "partitions" | "value"; message: string };

/** Checks the form with the server's own rules, so the preview is asked for only when it can succeed. */
export function checkResetForm(form: TResetForm): TFormCheck {
  if (form.topic === "") return { ok: false, field: "topic", message: "Choose a topic." };
  let partitions: number[] | undefined;
  if (form.scope === "chosen") {
    const parsed = parsePartitionList(form.partitionsText);
    if ("error" in parsed) return { ok: false, field: "partitions", message: parsed.error };
    if (parsed.partitions.length === 0) {
      return { ok: false, field: "partitions", message: "List the partitions, like 0, 2-3." };
    }
    partitions = parsed.partitions;
  }
  const strategy = toStrategy(form);
  if ("error" in strategy) return { ok: false, field: "value", message: strategy.error };
  const invalid = validateStrategy(strategy);
  if (invalid) return { ok: false, field: "value", message: invalid };
  return { ok: true, partitions, strategy };
}

function toStrategy(form: TResetForm): TOffsetResetStrategy | { error: string } {
  const value = form.value.trim();
  switch (form.kind) {
    case "earliest":
    case "latest":
      return { kind: form.kind };
    case "timestamp": {
      const parsed = parseTimestampInput(value);
      return "error" in parsed ? parsed : { kind: "timestamp", timestampMs: parsed.timestampMs };
    }
    case "offset":
      return value === "" ? { error: "Enter an offset." } : { kind: "offset", offset: value };
    case "shift":
      return value === "" ? { error: "Enter how many messages to shift by." } : { kind: "shift", by: value };
  }
}
