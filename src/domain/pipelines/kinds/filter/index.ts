import type { TNodeKindSpec } from "../../kind-spec";
import { shorten } from "../summary-text";
import { ZFilterConfig, type TFilterConfig } from "./config";
import { createFilterStep } from "./step";

export const filterKind: TNodeKindSpec<TFilterConfig> = {
  kind: "filter",
  label: "Filter",
  description: "Keeps the records whose value matches a JSONata predicate and drops the rest.",
  icon: "filter",
  category: "step",
  config: ZFilterConfig,
  defaults: () => ({ predicate: "value > 90" }),
  fields: () => [
    {
      type: "jsonata",
      path: "predicate",
      label: "Keep records where",
      result: "predicate",
      placeholder: 'value > 90 and metric = "cpu"',
      help: "Evaluated on the record's value; a record is kept when the result is true.",
    },
  ],
  summary: (config) => shorten(config.predicate),
  inputs: () => ["in"],
  outputs: () => ["out"],
  perKey: () => false,
  // A predicate that fails on a record (a type error, its budget) sends that record there.
  deadLetters: () => true,
  createStep: createFilterStep,
};
