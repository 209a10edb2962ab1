import type { TNodeKindSpec } from "../../kind-spec";
import { ZEnrichConfig, type TEnrichConfig } from "./config";

// CONTRACT PLACEHOLDER: the engine helper replaces defaults, fields, summary, ports and createStep.
export const enrichKind: TNodeKindSpec<TEnrichConfig> = {
  kind: "enrich",
  label: "Enrich",
  description: "",
  icon: "merge",
  category: "step",
  config: ZEnrichConfig,
  defaults: () => ZEnrichConfig.parse({}),
  fields: () => [],
  summary: () => "",
  inputs: () => ["in"],
  outputs: () => ["out"],
  perKey: () => false,
  deadLetters: () => false,
  createStep: null,
};
