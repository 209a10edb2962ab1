import type { TNodeKindSpec } from "../../kind-spec";
import { shorten } from "../summary-text";
import { ZMapConfig, type TMapConfig } from "./config";
import { createMapStep } from "./step";

export const mapKind: TNodeKindSpec<TMapConfig> = {
  kind: "map",
  label: "Map",
  description: "Replaces each value with a JSONata transform of it, and optionally gives the record a new key.",
  icon: "wand",
  category: "step",
  config: ZMapConfig,
  defaults: () => ({ expression: "$", keyExpression: "" }),
  fields: () => [
    {
      type: "jsonata",
      path: "expression",
      label: "New value",
      result: "value",
      placeholder: '{ "server": server, "cpu": value }',
      help: "Evaluated on the record's value; its result becomes the new value.",
    },
    {
      type: "jsonata",
      path: "keyExpression",
      label: "New key",
      result: "value",
      placeholder: 'server & "-" & metric',
      help: "Leave empty to keep the key. Otherwise the result, as text, becomes the key.",
    },
  ],
  summary: (config) =>
    config.keyExpression.trim() === ""
      ? shorten(config.expression)
      : `${shorten(config.expression, 32)} · key ${shorten(config.keyExpression, 16)}`,
  inputs: () => ["in"],
  outputs: () => ["out"],
  perKey: () => false,
  deadLetters: () => true,
  createStep: createMapStep,
};
