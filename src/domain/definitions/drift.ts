/**
 * PLACEHOLDER (h-defs-server): the types of h-defs-core's drift.ts contract, so that the router
 * skeleton typechecks before that branch lands. Resolve a merge conflict here by taking h-defs-core's file.
 */
import type { TTopicDefinitionFields } from "./definition";

/** The live topic as Kafka reports it. configs: the effective value of every config DescribeConfigs returns (defaults included). */
export type TLiveTopic = {
  name: string;
  partitions: number;
  replicationFactor: number;
  configs: Record<string, string>;
};
export type TDriftField = {
  field: "partitions" | "replicationFactor" | `configs.${string}`;
  intended: string;
  live: string | null;
};
export type TDriftState = "in-sync" | "drifted" | "missing";
export type TDrift = { topicName: string; state: TDriftState; fields: TDriftField[] };
export type TDiffInput = Pick<TTopicDefinitionFields, "topicName" | "partitions" | "replicationFactor" | "configs">;
