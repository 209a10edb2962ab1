import type { TNodeKindSpec } from "../../kind-spec";
import { ZRouteConfig, type TRouteConfig } from "./config";

// CONTRACT PLACEHOLDER: the engine helper replaces defaults, fields, summary, ports and createStep.
export const routeKind: TNodeKindSpec<TRouteConfig> = {
  kind: "route",
  label: "Route",
  description: "",
  icon: "split",
  category: "step",
  config: ZRouteConfig,
  defaults: () => ZRouteConfig.parse({}),
  fields: () => [],
  summary: () => "",
  inputs: () => ["in"],
  outputs: () => ["out"],
  perKey: () => false,
  deadLetters: () => false,
  createStep: null,
};
