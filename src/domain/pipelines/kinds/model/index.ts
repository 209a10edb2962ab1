import type { TNodeKindSpec } from "../../kind-spec";
import { ZModelConfig, type TModelConfig } from "./config";

// CONTRACT PLACEHOLDER: the engine helper replaces defaults, fields, summary, ports and createStep.
export const modelKind: TNodeKindSpec<TModelConfig> = {
  kind: "model",
  label: "Model",
  description: "",
  icon: "brain",
  category: "step",
  config: ZModelConfig,
  defaults: () => ZModelConfig.parse({}),
  fields: () => [],
  summary: () => "",
  inputs: () => ["in"],
  outputs: () => ["out"],
  perKey: () => false,
  deadLetters: () => false,
  createStep: null,
};
