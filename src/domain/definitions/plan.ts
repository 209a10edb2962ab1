/**
 * PLACEHOLDER (h-defs-server): the types of h-defs-core's plan.ts contract, so that the router
 * skeleton typechecks before that branch lands. Resolve a merge conflict here by taking h-defs-core's file.
 */
export type TPlanStep =
  | {
      kind: "create";
      topicName: string;
      partitions: number;
      replicationFactor: number;
      configs: Record<string, string>;
    }
  | { kind: "addPartitions"; topicName: string; from: number; to: number }
  | { kind: "alterConfigs"; topicName: string; changes: Array<{ name: string; from: string | null; to: string }> };
export type TPlanRefusal = { topicName: string; field: string; sentence: string };
export type TPlan = { steps: TPlanStep[]; refusals: TPlanRefusal[] };
export type TPlanContext = { liveBrokerCount: number };
