import type { TNodeKindSpec } from "../../kind-spec";
import { ZMapConfig, type TMapConfig } from "./config";

// CONTRACT PLACEHOLDER: the engine helper replaces defaults, fields, summary, ports and createStep.
export const mapKind: TNodeKindSpec<TMapConfig> = {
  kind: "map",
  label: "Map",
  description: "",
  icon: "wand",
  category: "step",
  config: ZMapConfig,
  defaults: () => ZMapConfig.parse({}),
  fields: () => [],
  summary: () => "",
  inputs: () => ["in"],
  outputs: () => ["out"],
  perKey: () => false,
  deadLetters: () => false,
  createStep: null,
};
