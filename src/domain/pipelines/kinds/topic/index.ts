import type { TNodeKindSpec } from "../../kind-spec";
import { ZTopicNodeConfig, type TTopicNodeConfig } from "./config";

// CONTRACT PLACEHOLDER: the engine helper replaces defaults, fields, summary, ports and createStep.
export const topicKind: TNodeKindSpec<TTopicNodeConfig> = {
  kind: "topic",
  label: "Topic",
  description: "",
  icon: "database",
  category: "topic",
  config: ZTopicNodeConfig,
  defaults: () => ZTopicNodeConfig.parse({}),
  fields: () => [],
  summary: () => "",
  inputs: () => ["in"],
  outputs: () => ["out"],
  perKey: () => false,
  deadLetters: () => false,
  createStep: null,
};
