import { crossConfigErrors, validateTopicConfig } from "./topic-configs";
import type { TTopicConfigChanges } from "./topic-dto";

export type TConfigChangesContext = {
  /** The topic's replication factor: min.insync.replicas above it would make every acks=all write fail. */
  replicationFactor: number;
};

/**
 * The rules a new topic's configs must pass (validateTopicSpec), applied to a change of an existing
 * topic's configs. Returns one sentence per config that blocks the change, keyed by config name;
 * removing an override (`null`) always passes, since it restores Kafka's default.
 */
export function validateConfigChanges(
  changes: TTopicConfigChanges,
  context: TConfigChangesContext,
): Record<string, string> {
  const errors: Record<string, string> = {};
  const normalized: Record<string, string> = {};
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) continue;
    const result = validateTopicConfig(name, value);
    if (result.ok) normalized[name] = result.normalized;
    else errors[name] = result.message;
  }
  for (const [name, message] of Object.entries(crossConfigErrors(normalized))) errors[name] ??= message;
  const minIsr = normalized["min.insync.replicas"];
  if (minIsr !== undefined && Number(minIsr) > context.replicationFactor) {
    errors["min.insync.replicas"] =
      `min.insync.replicas (${minIsr}) cannot be larger than the replication factor (${context.replicationFactor}): producers using acks=all could never write.`;
  }
  return errors;
}

/** The sentence Tributary answers with when someone asks to change one of Kafka's internal topics. */
export function internalTopicRefusal(name: string, change: "configs" | "partitions"): string {
  return change === "configs"
    ? `${name} is internal to Kafka; Tributary does not change its configs.`
    : `${name} is internal to Kafka; Tributary does not add partitions to it.`;
}
