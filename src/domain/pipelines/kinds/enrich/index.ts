import type { TNodeKindSpec } from "../../kind-spec";
import { ZEnrichConfig, type TEnrichConfig } from "./config";
import { createEnrichStep } from "./step";

const MISSING_OPTIONS = [
  { value: "keep", label: "Keep the record unchanged" },
  { value: "drop", label: "Drop the record" },
  { value: "dead-letter", label: "Send it to the dead-letter topic" },
] as const;

export const enrichKind: TNodeKindSpec<TEnrichConfig> = {
  kind: "enrich",
  label: "Enrich",
  description: "Adds to each value the latest value of the same key in a compacted topic, wired to the table port.",
  icon: "merge",
  category: "step",
  config: ZEnrichConfig,
  defaults: () => ({ as: "details", missing: "keep" }),
  fields: () => [
    {
      type: "text",
      path: "as",
      label: "Put the table's value under",
      placeholder: "server",
      help: "A field of the output value, e.g. server gives { …value, server: {…} }.",
    },
    { type: "select", path: "missing", label: "When the table has no value for the key", options: MISSING_OPTIONS },
  ],
  summary: (config) => `as ${config.as}; missing: ${config.missing}`,
  inputs: () => ["in", "table"],
  outputs: () => ["out"],
  perKey: () => true,
  // Also a value that is not an object (nowhere to put the field) goes there.
  deadLetters: () => true,
  createStep: createEnrichStep,
};
