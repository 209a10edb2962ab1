/**
 * A plan: what applying definitions to a cluster would do, and what it will not do and why, decided
 * before anything happens. Pure, so the web app, the CLI and the tests read the same plan.
 */
import { findTopicConfig } from "~/domain/topics/topic-configs";
import { formatBytes, formatRetentionBytes } from "~/domain/topics/sizes";
import { formatDurationMs, formatRetentionMs } from "~/domain/topics/durations";
import { isInternalTopicName } from "~/domain/topics/topic-name";
import { formatCount, pluralize } from "~/lib/format";
import { diffDefinition, isConfigInSync, type TDefinitionKafkaFields, type TLiveTopic } from "./drift";
import {
  checkConfigs,
  internalTopicRefusal,
  newTopicRefusals,
  partitionChangeRefusal,
  replicationFactorRefusal,
  type TFieldRefusal,
} from "./plan-rules";

export type TPlanStep =
  | {
      kind: "create";
      topicName: string;
      partitions: number;
      replicationFactor: number;
      configs: Record<string, string>;
    }
  | { kind: "addPartitions"; topicName: string; from: number; to: number }
  | { kind: "alterConfigs"; topicName: string; changes: TConfigChange[] };

/** One config of an alterConfigs step: Kafka's value now (null when it reports none), the definition's value. */
export type TConfigChange = { name: string; from: string | null; to: string };

/** A difference the plan will not change, with the sentence why (Kafka never removes partitions; replication-factor changes need a reassignment Tributary does not do; invalid values; more replicas than brokers …). */
export type TPlanRefusal = { topicName: string; field: string; sentence: string };

export type TPlan = { steps: TPlanStep[]; refusals: TPlanRefusal[] };

export type TPlanContext = { liveBrokerCount: number };

type TPlanParts = {
  creates: TPlanStep[];
  partitionAdds: TPlanStep[];
  configAlters: TPlanStep[];
  refusals: TPlanRefusal[];
};

/**
 * The steps that bring the live topics to the definitions, in the order they can run: creates, then
 * partition additions, then config alterations. Linear in the number of definitions: one Map lookup
 * each, and the collision index below is built once.
 */
export function planDefinitions(
  definitions: readonly TDefinitionKafkaFields[],
  live: ReadonlyMap<string, TLiveTopic>,
  context: TPlanContext,
): TPlan {
  const parts: TPlanParts = { creates: [], partitionAdds: [], configAlters: [], refusals: [] };
  const planned = new Set<string>();
  let collisions: Map<string, string> | null = null;
  for (const definition of definitions) {
    const { topicName } = definition;
    const refuse = (refusal: TFieldRefusal) => parts.refusals.push({ topicName, ...refusal });
    if (planned.has(topicName)) {
      refuse({
        field: "topicName",
        sentence: `${topicName} is defined more than once; only its first definition is planned.`,
      });
      continue;
    }
    planned.add(topicName);
    const current = live.get(topicName);
    if (isInternalTopicName(topicName)) {
      // Kafka's own topics may be described (and drift-checked), never changed.
      const differs = current === undefined || diffDefinition(definition, current).state !== "in-sync";
      if (differs) refuse(internalTopicRefusal(topicName));
      continue;
    }
    if (current === undefined) {
      collisions ??= collisionIndex(live.keys());
      planCreate(definition, context, collisions, parts).forEach(refuse);
    } else {
      planChanges(definition, current, parts).forEach(refuse);
    }
  }
  const { creates, partitionAdds, configAlters, refusals } = parts;
  return { steps: [...creates, ...partitionAdds, ...configAlters], refusals };
}

/** A new topic is created whole or not at all: half its configs would leave it drifted from the start. */
function planCreate(
  definition: TDefinitionKafkaFields,
  context: TPlanContext,
  collisions: Map<string, string>,
  parts: TPlanParts,
): TFieldRefusal[] {
  const { topicName, partitions, replicationFactor } = definition;
  const configs = checkConfigs(definition.configs, {}, replicationFactor);
  const refusals = [...newTopicRefusals(definition, context.liveBrokerCount), ...configs.refusals];
  const colliding = collisions.get(unifyCollisionChars(topicName));
  if (colliding !== undefined) {
    refusals.push({
      field: "topicName",
      sentence: `${topicName} collides with the topic ${colliding}: Kafka's metric names treat '.' and '_' alike, so it refuses names that differ only there.`,
    });
  }
  if (refusals.length > 0) return refusals;
  collisions.set(unifyCollisionChars(topicName), topicName);
  // The configs travel in CreateTopics itself, so the topic never exists with Kafka's defaults.
  parts.creates.push({ kind: "create", topicName, partitions, replicationFactor, configs: configs.valid });
  return [];
}

function planChanges(definition: TDefinitionKafkaFields, current: TLiveTopic, parts: TPlanParts): TFieldRefusal[] {
  const { topicName } = definition;
  const refusals: TFieldRefusal[] = [];
  const partitionRefusal = partitionChangeRefusal(definition, current);
  if (partitionRefusal !== null) refusals.push(partitionRefusal);
  else if (definition.partitions > current.partitions) {
    parts.partitionAdds.push({ kind: "addPartitions", topicName, from: current.partitions, to: definition.partitions });
  }
  const rfRefusal = replicationFactorRefusal(definition, current);
  if (rfRefusal !== null) refusals.push(rfRefusal);
  // Checked against the replication factor the topic keeps, since the plan never changes it.
  const configs = checkConfigs(definition.configs, current.configs, current.replicationFactor);
  refusals.push(...configs.refusals);
  // Incremental (IncrementalAlterConfigs SET): only the keys the definition names and Kafka holds
  // differently. Overrides the definition does not mention stay; a plan never deletes one.
  const changes = Object.entries(configs.valid)
    .filter(([name, value]) => !isConfigInSync(name, value, current.configs[name]))
    .map(([name, value]) => ({ name, from: current.configs[name] ?? null, to: value }));
  if (changes.length > 0) parts.configAlters.push({ kind: "alterConfigs", topicName, changes });
  return refusals;
}

/** Kafka's `Topic.hasCollision`: metric names replace '.' with '_'. */
function unifyCollisionChars(name: string): string {
  return name.replaceAll(".", "_");
}

function collisionIndex(names: Iterable<string>): Map<string, string> {
  const index = new Map<string, string>();
  for (const name of names) index.set(unifyCollisionChars(name), name);
  return index;
}

/** One line a person reads, e.g. "Create telemetry.raw with 6 partitions, replication factor 3 and 2 configs", "Add 3 partitions to x (6 → 9)", "Set retention.ms of x: 604800000 (7 days) → 86400000 (1 day)". */
export function describePlanStep(step: TPlanStep): string {
  switch (step.kind) {
    case "create": {
      const configCount = Object.keys(step.configs).length;
      const base = `Create ${step.topicName} with ${pluralize(step.partitions, "partition")}`;
      return configCount === 0
        ? `${base} and replication factor ${step.replicationFactor}`
        : `${base}, replication factor ${step.replicationFactor} and ${pluralize(configCount, "config")}`;
    }
    case "addPartitions":
      return `Add ${pluralize(step.to - step.from, "partition")} to ${step.topicName} (${formatCount(step.from)} → ${formatCount(step.to)})`;
    case "alterConfigs": {
      const values = (change: TConfigChange) =>
        `${describeConfigValue(change.name, change.from)} → ${describeConfigValue(change.name, change.to)}`;
      const [only, ...more] = step.changes;
      if (only !== undefined && more.length === 0) return `Set ${only.name} of ${step.topicName}: ${values(only)}`;
      const changes = step.changes.map((change) => `${change.name}: ${values(change)}`);
      return `Set ${step.changes.length} configs of ${step.topicName}: ${changes.join("; ")}`;
    }
  }
}

/** A config value as stored, with a reading for durations and sizes: "86400000 (1 d)", "-1 (forever)". */
export function describeConfigValue(name: string, value: string | null): string {
  if (value === null) return "not set";
  const unit = findTopicConfig(name)?.unit;
  const reading =
    unit === "ms"
      ? name === "retention.ms"
        ? formatRetentionMs(value)
        : formatDurationMs(value)
      : unit === "bytes"
        ? name === "retention.bytes"
          ? formatRetentionBytes(value)
          : formatBytes(value)
        : value;
  return reading === value || reading === `${value} B` || reading === `${value} ms` ? value : `${value} (${reading})`;
}
