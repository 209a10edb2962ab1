import type { TNodeKindSpec } from "../../kind-spec";
import { ZRouteConfig, type TRouteConfig } from "./config";
import { createRouteStep } from "./step";

const UNMATCHED_OPTIONS = [
  { value: "default", label: "Send to the default port" },
  { value: "drop", label: "Drop" },
  { value: "dead-letter", label: "Send to the dead-letter topic" },
] as const;

export const routeKind: TNodeKindSpec<TRouteConfig> = {
  kind: "route",
  label: "Route",
  description: "Sends each record to the first route whose JSONata predicate matches; each route is an output port.",
  icon: "split",
  category: "step",
  config: ZRouteConfig,
  defaults: () => ({ routes: [{ name: "high", predicate: "value > 90" }], unmatched: "default" }),
  fields: () => [
    {
      type: "list",
      path: "routes",
      label: "Routes, in order",
      help: "A record takes the first route whose predicate is true on its value.",
      addLabel: "Add a route",
      newItem: () => ({ name: "", predicate: "" }),
      item: [
        { type: "text", path: "name", label: "Name (its port)", placeholder: "high" },
        { type: "jsonata", path: "predicate", label: "When", result: "predicate", placeholder: "value > 90" },
      ],
    },
    { type: "select", path: "unmatched", label: "Records no route matches", options: UNMATCHED_OPTIONS },
  ],
  summary: (config) => {
    const names = config.routes.map((route) => route.name).join(", ");
    const rest = config.unmatched === "default" ? "else default" : `else ${config.unmatched}`;
    return `${names}; ${rest}`;
  },
  inputs: () => ["in"],
  // "default" is always a port (the contract's shape); it only receives records when unmatched is "default".
  outputs: (config) => [...config.routes.map((route) => route.name), "default"],
  perKey: () => false,
  deadLetters: () => true,
  createStep: createRouteStep,
};
