import type { TNodeKindSpec } from "../../kind-spec";
import { ZTopicNodeConfig, type TTopicNodeConfig } from "./config";

export const topicKind: TNodeKindSpec<TTopicNodeConfig> = {
  kind: "topic",
  label: "Topic",
  description: "A Kafka topic that steps read from or write to, bound to its definition.",
  icon: "database",
  category: "topic",
  config: ZTopicNodeConfig,
  // A valid placeholder (the document refuses an empty name): the rules ask for its definition.
  defaults: () => ({ topicName: "new-topic" }),
  fields: () => [
    {
      type: "topic",
      path: "topicName",
      label: "Topic",
      help: "A topic of this cluster, or a new name to create from its definition.",
    },
  ],
  summary: (config) => (config.topicName === "" ? "No topic chosen" : config.topicName),
  inputs: () => ["in"],
  outputs: () => ["out"],
  perKey: () => false,
  deadLetters: () => false,
  createStep: null,
};
