import type { TFieldSpec, TNodeKindSpec } from "../../kind-spec";
import { durationText } from "../summary-text";
import { AGGREGATES, ZWindowConfig, type TWindow, type TWindowConfig } from "./config";
import { createWindowStep } from "./step";

const WINDOW_TYPES = [
  { value: "tumbling", label: "Tumbling (fixed, back to back)" },
  { value: "hopping", label: "Hopping (fixed, overlapping)" },
  { value: "session", label: "Session (closes after a gap)" },
] as const;

const WINDOW_VARIANTS: Record<TWindow["type"], () => TWindow> = {
  tumbling: () => ({ type: "tumbling", sizeMs: 60_000 }),
  hopping: () => ({ type: "hopping", sizeMs: 300_000, advanceMs: 60_000 }),
  session: () => ({ type: "session", gapMs: 30_000 }),
};

const AGGREGATE_OPTIONS = AGGREGATES.map((aggregate) => ({ value: aggregate, label: aggregate }));

function windowFields(window: TWindow): TFieldSpec[] {
  if (window.type === "session") {
    return [
      {
        type: "duration",
        path: "window.gapMs",
        label: "Gap",
        help: "A key's session closes after this long without a record.",
      },
    ];
  }
  const size: TFieldSpec = { type: "duration", path: "window.sizeMs", label: "Size" };
  if (window.type === "tumbling") return [size];
  return [
    size,
    { type: "duration", path: "window.advanceMs", label: "Advance", help: "A new window starts this often." },
  ];
}

function windowText(window: TWindow): string {
  if (window.type === "session") return `session gap ${durationText(window.gapMs)}`;
  if (window.type === "tumbling") return `tumbling ${durationText(window.sizeMs)}`;
  return `hopping ${durationText(window.sizeMs)} every ${durationText(window.advanceMs)}`;
}

export const windowKind: TNodeKindSpec<TWindowConfig> = {
  kind: "window",
  label: "Window aggregate",
  description:
    "Aggregates a numeric field per key over tumbling, hopping or session windows of record time, emitting when a window closes.",
  icon: "timer",
  category: "step",
  config: ZWindowConfig,
  defaults: () => ({
    window: WINDOW_VARIANTS.tumbling(),
    field: "value",
    aggregates: ["count", "avg", "max", "p95"],
    graceMs: 0,
  }),
  fields: (config) => [
    { type: "select", path: "window.type", label: "Window", options: WINDOW_TYPES, variants: WINDOW_VARIANTS },
    ...windowFields(config.window),
    { type: "text", path: "field", label: "Field", placeholder: "value", help: "A numeric field of the value." },
    { type: "multi-select", path: "aggregates", label: "Aggregates", options: AGGREGATE_OPTIONS },
    {
      type: "duration",
      path: "graceMs",
      label: "Grace",
      help: "How long after a window's end late records still count; the window emits after it.",
    },
  ],
  summary: (config) => `${windowText(config.window)}: ${config.aggregates.join(", ")} of ${config.field}`,
  inputs: () => ["in"],
  outputs: () => ["out"],
  perKey: () => true,
  // A record whose field is missing or not a number goes there.
  deadLetters: () => true,
  createStep: createWindowStep,
};
