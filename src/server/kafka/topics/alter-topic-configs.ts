import "server-only";
import kafkajs, { type Admin } from "kafkajs";
import type { TTopicConfigChanges } from "~/domain/topics/topic-dto";
import { AppError } from "~/lib/app-error";
import { withAdmin, type ClusterTarget } from "../client-registry";
import { kafkaErrorType } from "../kafka-errors";
import { topicNotFound } from "./topic-metadata";
import { DYNAMIC_TOPIC_CONFIG_SOURCE } from "./topic-config-reads";
import { untilApplied } from "./until-applied";

export type TAlterTopicConfigsOptions = { validateOnly?: boolean };

/**
 * Sets topic config overrides (`value`) and removes them (`null`, back to the broker's default).
 *
 * kafkajs only speaks the legacy AlterConfigs API, which REPLACES a topic's whole set of dynamic
 * configs: an override left out of the request is deleted. So we read the current overrides, apply
 * the changes, and send the full set. Two people editing the same topic at the same moment can
 * still overwrite each other (read-modify-write; IncrementalAlterConfigs would not, but kafkajs
 * 2.2.4 does not have it).
 */
export async function alterTopicConfigs(
  target: ClusterTarget,
  name: string,
  changes: TTopicConfigChanges,
  options: TAlterTopicConfigsOptions = {},
): Promise<void> {
  await withAdmin(target, async (admin) => {
    const current = await currentOverrides(admin, name);
    const next = new Map(current);
    for (const [config, value] of Object.entries(changes)) {
      if (value === null) next.delete(config);
      else next.set(config, value);
    }
    const validateOnly = options.validateOnly ?? false;
    await admin
      .alterConfigs({
        validateOnly,
        resources: [
          {
            type: kafkajs.ConfigResourceTypes.TOPIC,
            name,
            configEntries: [...next].map(([configName, value]) => ({ name: configName, value })),
          },
        ],
      })
      .catch((error: unknown) => {
        throw explainRefusal(error, changes);
      });
    if (!validateOnly) {
      // Applied once the broker shows the new set, or anything but the old one (should it
      // normalise a value we sent).
      await untilApplied(async () => {
        const now = await currentOverrides(admin, name);
        return sameConfigs(now, next) || !sameConfigs(now, current);
      }, "config change");
    }
  });
}

/** kafkajs drops the broker's message; with one value set we can still say which config it refused. */
function explainRefusal(error: unknown, changes: TTopicConfigChanges): unknown {
  const set = Object.entries(changes).filter((entry): entry is [string, string] => entry[1] !== null);
  const [only] = set;
  if (kafkaErrorType(error) !== "INVALID_CONFIG" || set.length !== 1 || !only) return error;
  return new AppError(
    "KAFKA_REJECTED",
    `Kafka refused the value ${JSON.stringify(only[1])} for ${only[0]}.`,
    "Check the value against the config's rules.",
    {
      cause: error,
    },
  );
}

function sameConfigs(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  return a.size === b.size && [...a].every(([name, value]) => b.get(name) === value);
}

/** The topic's own overrides (source: dynamic topic config), by name. */
async function currentOverrides(admin: Admin, name: string): Promise<Map<string, string>> {
  const described = await admin
    .describeConfigs({ resources: [{ type: kafkajs.ConfigResourceTypes.TOPIC, name }], includeSynonyms: false })
    .catch((error: unknown) => {
      throw kafkaErrorType(error) === "UNKNOWN_TOPIC_OR_PARTITION" ? topicNotFound(name) : error;
    });
  const overrides = new Map<string, string>();
  for (const entry of described.resources[0]?.configEntries ?? []) {
    if (entry.configSource !== DYNAMIC_TOPIC_CONFIG_SOURCE) continue;
    // A sensitive value comes back as null; re-sending the set without it would delete it.
    if (entry.isSensitive || entry.configValue === null) {
      throw new AppError(
        "BAD_INPUT",
        `${entry.configName} on ${name} is sensitive, so Tributary cannot read it and would erase it by saving.`,
        "Change this topic's configs with Kafka's own tools (kafka-configs.sh --alter).",
      );
    }
    overrides.set(entry.configName, entry.configValue);
  }
  return overrides;
}
