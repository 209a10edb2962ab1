/**
 * Drift: a definition held against the topic Kafka reports, field by field. Only what the definition
 * says is compared; a config it does not mention is Kafka's business and never drifts.
 */
import { validateTopicConfig } from "~/domain/topics/topic-configs";
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

/** The Kafka half of a definition: what drift and plans look at. */
export type TDefinitionKafkaFields = Pick<
  TTopicDefinitionFields,
  "topicName" | "partitions" | "replicationFactor" | "configs"
>;

/**
 * Kafka's canonical form of a config value, so "7 days" written as "604800000" and " 604800000 "
 * compare equal and "TRUE" equals "true". A value the catalogue refuses (or a config it does not
 * know) is compared as trimmed text: it differs from anything Kafka holds, and the plan says why.
 */
export function normalizeConfigValue(name: string, value: string): string {
  const result = validateTopicConfig(name, value);
  return result.ok ? result.normalized : value.trim();
}

/** Whether the live value of a config is the intended one, both normalized. */
export function isConfigInSync(name: string, intended: string, live: string | undefined): boolean {
  if (live === undefined) return false;
  // The same text normalizes the same: most configs of a cluster-wide drift end here, unparsed.
  return live === intended || normalizeConfigValue(name, intended) === normalizeConfigValue(name, live);
}

/** The fields in which `live` differs from `definition`; a missing topic differs in every field. */
export function diffDefinition(definition: TDefinitionKafkaFields, live: TLiveTopic | null): TDrift {
  const { topicName } = definition;
  const fields: TDriftField[] = [];
  if (live === null || live.partitions !== definition.partitions) {
    fields.push({ field: "partitions", intended: String(definition.partitions), live: liveNumber(live?.partitions) });
  }
  if (live === null || live.replicationFactor !== definition.replicationFactor) {
    fields.push({
      field: "replicationFactor",
      intended: String(definition.replicationFactor),
      live: liveNumber(live?.replicationFactor),
    });
  }
  // Sorted, so the same drift always reads in the same order whatever order the definition was written in.
  for (const name of Object.keys(definition.configs).sort()) {
    const intended = definition.configs[name] ?? "";
    const liveValue = live?.configs[name];
    if (!isConfigInSync(name, intended, liveValue)) {
      fields.push({ field: `configs.${name}`, intended, live: liveValue ?? null });
    }
  }
  const state: TDriftState = live === null ? "missing" : fields.length === 0 ? "in-sync" : "drifted";
  return { topicName, state, fields };
}

function liveNumber(value: number | undefined): string | null {
  return value === undefined ? null : String(value);
}
