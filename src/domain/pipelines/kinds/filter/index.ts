import type { TNodeKindSpec } from "../../kind-spec";
import { ZFilterConfig, type TFilterConfig } from "./config";

// CONTRACT PLACEHOLDER: the engine helper replaces defaults, fields, summary, ports and createStep.
export const filterKind: TNodeKindSpec<TFilterConfig> = {
  kind: "filter",
  label: "Filter",
  description: "",
  icon: "filter",
  category: "step",
  config: ZFilterConfig,
  defaults: () => ZFilterConfig.parse({}),
  fields: () => [],
  summary: () => "",
  inputs: () => ["in"],
  outputs: () => ["out"],
  perKey: () => false,
  deadLetters: () => false,
  createStep: null,
};
