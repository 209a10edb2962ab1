/**
 * The names the runtime gives Kafka resources. Kafka is the engine: each step is the consumer
 * group `tributary.<slug>.<nodeId>`, its per-key state lives in `tributary.<slug>.<nodeId>.changelog`
 * (compacted, one partition per input partition), and in exactly-once mode each input partition
 * has its own transactional id, so that a new owner of the partition fences the old one (the
 * classic read-process-write fencing, which kafkajs supports without KIP-447).
 */

/** The prefix of every group, changelog topic and transactional id Tributary's runtime uses. */
export const RUNTIME_PREFIX = "tributary.";

/** A pipeline name as a group-id word: lower case, [a-z0-9._-], at most 60 characters. */
export function pipelineSlug(pipelineName: string): string {
  const slug = pipelineName
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return slug === "" ? "pipeline" : slug;
}

export function stepGroupId(slug: string, nodeId: string): string {
  return `${RUNTIME_PREFIX}${slug}.${nodeId}`;
}

export function changelogTopic(slug: string, nodeId: string): string {
  return `${stepGroupId(slug, nodeId)}.changelog`;
}

export function transactionalId(slug: string, nodeId: string, inputPartition: number): string {
  return `${stepGroupId(slug, nodeId)}.p${inputPartition}`;
}

/** Every header the runtime writes starts with this (a replay strips them from the record it resends). */
export const HEADER_PREFIX = "tributary-";
/** Headers on every record a step produces: the pipeline, revision and step that made it. */
export const HEADER_PIPELINE = "tributary-pipeline";
export const HEADER_REVISION = "tributary-revision";
export const HEADER_STEP = "tributary-step";
/** Added on a dead-lettered record: the sentence, and where the record was read. */
export const HEADER_ERROR = "tributary-error";
export const HEADER_SOURCE_TOPIC = "tributary-source-topic";
export const HEADER_SOURCE_PARTITION = "tributary-source-partition";
export const HEADER_SOURCE_OFFSET = "tributary-source-offset";
/** On a record replayed from the dead-letter topic into a step's input: the dead-letter offset. */
export const HEADER_REPLAYED_FROM = "tributary-replayed-from";

/** The Postgres channel a deploy, stop or resume notifies; runners LISTEN on it (and poll as well). */
export const DEPLOYMENTS_CHANNEL = "tributary_deployments";

/** Runners renew their heartbeat this often; one older than RUNNER_GONE_AFTER_MS is shown as gone. */
export const RUNNER_HEARTBEAT_MS = 2_000;
export const RUNNER_GONE_AFTER_MS = 10_000;
