import type { TNodeKindSpec } from "../../kind-spec";
import { durationText } from "../summary-text";
import { COERCE_TYPES, ZCleanConfig, type TCleanConfig } from "./config";
import { createCleanStep } from "./step";

const COERCE_OPTIONS = COERCE_TYPES.map((type) => ({ value: type, label: type }));

export const cleanKind: TNodeKindSpec<TCleanConfig> = {
  kind: "clean",
  label: "Clean",
  description:
    "Sends malformed values to the dead-letter topic, drops fields and nulls, coerces types, deduplicates by key and checks the schema.",
  icon: "sparkles",
  category: "step",
  config: ZCleanConfig,
  defaults: () => ZCleanConfig.parse({}),
  fields: () => [
    {
      type: "boolean",
      path: "dropMalformed",
      label: "Send malformed values to the dead-letter topic",
      help: "A value that is not a JSON object is malformed. Off: it passes through unchanged.",
    },
    { type: "field-list", path: "dropFields", label: "Drop fields", help: "Dot paths such as debug.trace." },
    { type: "boolean", path: "dropNulls", label: "Drop fields whose value is null" },
    {
      type: "list",
      path: "coerce",
      label: "Coerce fields",
      help: "A timestamp becomes ISO 8601 text, from milliseconds or a date text. A value that cannot be converted sends the record to the dead-letter topic.",
      addLabel: "Add a coercion",
      newItem: () => ({ field: "value", to: "number" }),
      item: [
        { type: "text", path: "field", label: "Field", placeholder: "value" },
        { type: "select", path: "to", label: "To", options: COERCE_OPTIONS },
      ],
    },
    {
      type: "duration",
      path: "dedupeWindowMs",
      label: "Deduplicate by key within",
      help: "Empty: no deduplication. A record whose key was seen within this time is dropped.",
    },
    {
      type: "boolean",
      path: "validateAgainstSchema",
      label: "Check values against the input topic's schema",
      help: "A value that does not fit goes to the dead-letter topic with the schema's reason.",
    },
  ],
  summary: (config) => {
    const parts: string[] = [];
    if (config.dropMalformed) parts.push("drop malformed");
    if (config.dropFields.length > 0) parts.push(`drop ${config.dropFields.length}`);
    if (config.dropNulls) parts.push("drop nulls");
    if (config.coerce.length > 0) parts.push(`coerce ${config.coerce.length}`);
    if (config.dedupeWindowMs !== null) parts.push(`dedupe ${durationText(config.dedupeWindowMs)}`);
    if (config.validateAgainstSchema) parts.push("schema");
    return parts.length === 0 ? "Passes values through" : parts.join(" · ");
  },
  inputs: () => ["in"],
  outputs: () => ["out"],
  perKey: (config) => config.dedupeWindowMs !== null,
  deadLetters: (config) => config.dropMalformed || config.coerce.length > 0 || config.validateAgainstSchema,
  createStep: createCleanStep,
};
