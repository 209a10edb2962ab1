import type { TNodeKindSpec } from "../../kind-spec";
import { ZWindowConfig, type TWindowConfig } from "./config";

// CONTRACT PLACEHOLDER: the engine helper replaces defaults, fields, summary, ports and createStep.
export const windowKind: TNodeKindSpec<TWindowConfig> = {
  kind: "window",
  label: "Window aggregate",
  description: "",
  icon: "timer",
  category: "step",
  config: ZWindowConfig,
  defaults: () => ZWindowConfig.parse({}),
  fields: () => [],
  summary: () => "",
  inputs: () => ["in"],
  outputs: () => ["out"],
  perKey: () => false,
  deadLetters: () => false,
  createStep: null,
};
