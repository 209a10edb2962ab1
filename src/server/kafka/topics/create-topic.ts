import "server-only";
import type { Admin } from "kafkajs";
import type { TTopicSpec } from "~/domain/topics/topic-spec";
import { AppError } from "~/lib/app-error";
import { pluralize } from "~/lib/format";
import { withAdmin, type ClusterTarget } from "../client-registry";
import { kafkaErrorType, toKafkaAppError } from "../kafka-errors";
import { untilPartitionsServe } from "./partitions-ready";

export type TCreateTopicOptions = {
  /** Ask Kafka to check the topic (name, configs, policies) without creating it. */
  validateOnly: boolean;
};

/**
 * Creates a topic, or with `validateOnly` has the controller check it. Resolves once the new
 * partitions have leaders, so the caller can produce to it right away.
 */
export async function createTopic(
  target: ClusterTarget,
  spec: TTopicSpec,
  options: TCreateTopicOptions,
): Promise<void> {
  await withAdmin(target, async (admin) => {
    try {
      const created = await send(admin, spec, spec.configs, options.validateOnly);
      // kafkajs swallows TOPIC_ALREADY_EXISTS and answers false instead.
      if (!created) {
        throw new AppError("CONFLICT", `A topic named ${spec.name} already exists.`, "Choose another name.");
      }
      if (!options.validateOnly) await untilPartitionsServe(target, spec.name, spec.partitions, "new topic");
    } catch (error) {
      throw await explain(admin, spec, error, target.bootstrapServers);
    }
  });
}

function send(
  admin: Admin,
  spec: TTopicSpec,
  configs: Record<string, string>,
  validateOnly: boolean,
): Promise<boolean> {
  return admin.createTopics({
    validateOnly,
    // We wait ourselves (untilPartitionsServe): kafkajs's wait fails while a KRaft broker catches up.
    waitForLeaders: false,
    topics: [
      {
        topic: spec.name,
        numPartitions: spec.partitions,
        replicationFactor: spec.replicationFactor,
        configEntries: Object.entries(configs).map(([name, value]) => ({ name, value })),
      },
    ],
  });
}

/** Rejections whose sentence needs more than Kafka's error code: the broker count, the config's name. */
async function explain(admin: Admin, spec: TTopicSpec, error: unknown, bootstrapServers: string): Promise<AppError> {
  const type = kafkaErrorType(error);
  if (type === "INVALID_REPLICATION_FACTOR") {
    const { brokers } = await admin.describeCluster();
    return new AppError(
      "KAFKA_REJECTED",
      `Replication factor ${spec.replicationFactor} is larger than the ${pluralize(brokers.length, "broker")} in this cluster.`,
      `Choose a replication factor of at most ${brokers.length}.`,
      { cause: error },
    );
  }
  if (type === "INVALID_CONFIG") {
    const culprit = await findRefusedConfig(admin, spec);
    if (culprit) {
      return new AppError(
        "KAFKA_REJECTED",
        `Kafka refused the value ${JSON.stringify(culprit.value)} for ${culprit.name}.`,
        "Check the value against the config's rules.",
        { cause: error },
      );
    }
    const names = Object.keys(spec.configs).join(", ");
    return new AppError("KAFKA_REJECTED", `Kafka refused this combination of configs: ${names}.`, undefined, {
      cause: error,
    });
  }
  return toKafkaAppError(error, bootstrapServers);
}

/**
 * kafkajs drops the broker's error message (which names the config), so on INVALID_CONFIG we
 * have the controller validate each config on its own. Only runs on the error path.
 */
async function findRefusedConfig(admin: Admin, spec: TTopicSpec): Promise<{ name: string; value: string } | null> {
  for (const [name, value] of Object.entries(spec.configs)) {
    const refused = await send(admin, spec, { [name]: value }, true).then(
      () => false,
      (error: unknown) => kafkaErrorType(error) === "INVALID_CONFIG",
    );
    if (refused) return { name, value };
  }
  return null;
}
