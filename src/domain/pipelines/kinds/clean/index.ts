import type { TNodeKindSpec } from "../../kind-spec";
import { ZCleanConfig, type TCleanConfig } from "./config";

// CONTRACT PLACEHOLDER: the engine helper replaces defaults, fields, summary, ports and createStep.
export const cleanKind: TNodeKindSpec<TCleanConfig> = {
  kind: "clean",
  label: "Clean",
  description: "",
  icon: "sparkles",
  category: "step",
  config: ZCleanConfig,
  defaults: () => ZCleanConfig.parse({}),
  fields: () => [],
  summary: () => "",
  inputs: () => ["in"],
  outputs: () => ["out"],
  perKey: () => false,
  deadLetters: () => false,
  createStep: null,
};
