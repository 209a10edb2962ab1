/**
 * What the runner's integration tests share: a deployed pipeline on its own topics, the seeds'
 * template with its topics renamed, and reading every record of a topic back (group-less, so that
 * reading adds no consumer group of its own).
 */
import type { TCluster } from "~/domain/cluster";
import type { TPipelineDocument } from "~/domain/pipelines/document";
import { pipelineSlug } from "~/domain/pipelines/runtime/naming";
import { templateById } from "~/domain/pipelines/templates";
import { writeDeployment, type TDeploymentRow } from "~/server/db/pipeline-deployments";
import { insertPipeline } from "~/server/db/pipelines";
import { withMetadata, withProducer } from "~/server/kafka/client-registry";
import type { TFetchedRecord } from "~/server/kafka/messages/fetched-record";
import { readPartitionStates } from "~/server/kafka/messages/partition-states";
import { readTailRange } from "~/server/kafka/messages/tail-range";
import { createTopic } from "~/server/kafka/topics/create-topic";
import { deleteTopic } from "~/server/kafka/topics/delete-topic";

export type TReadRecord = {
  partition: number;
  offset: bigint;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
};

const utf8 = new TextDecoder();

/** Every record of the topic as it is now, by partition and offset. */
export async function readTopic(cluster: TCluster, topic: string): Promise<TReadRecord[]> {
  const { records } = await withMetadata(cluster, async (internal) => {
    const states = await readPartitionStates(internal, topic);
    const ranges = states.flatMap((state) =>
      state.leader === null || state.high === state.low
        ? []
        : [{ partition: state.partition, leader: state.leader, from: state.low, to: state.high }],
    );
    return readTailRange(internal, topic, ranges, 100_000);
  });
  return records.map(readable).sort((a, b) => a.partition - b.partition || (a.offset < b.offset ? -1 : 1));
}

function readable(record: TFetchedRecord): TReadRecord {
  return {
    partition: record.partition,
    offset: record.offset,
    key: record.key === null ? null : utf8.decode(record.key),
    value: record.value === null ? null : utf8.decode(record.value),
    headers: Object.fromEntries(
      record.headers.map((header) => [header.key, header.value ? utf8.decode(header.value) : ""]),
    ),
  };
}

export async function createTopics(cluster: TCluster, names: readonly string[], partitions: number): Promise<void> {
  for (const name of names) {
    await createTopic(cluster, { name, partitions, replicationFactor: 1, configs: {} }, { validateOnly: false });
  }
}

export async function deleteTopics(cluster: TCluster, names: readonly string[]): Promise<void> {
  for (const name of names) await deleteTopic(cluster, name).catch(() => undefined);
}

export async function produce(
  cluster: TCluster,
  topic: string,
  records: readonly { key: string; value: string; timestamp?: number }[],
): Promise<void> {
  await withProducer(cluster, (producer) =>
    producer.send({
      topic,
      messages: records.map((record) => ({
        key: record.key,
        value: record.value,
        ...(record.timestamp === undefined ? {} : { timestamp: String(record.timestamp) }),
      })),
    }),
  );
}

/** The seeds' "telemetry-anomalies" template on `<prefix>.raw/.clean/.anomalies/.dead-letter`, read from the start. */
export function telemetryTemplate(prefix: string, name: string): TPipelineDocument {
  const document = templateById("telemetry-anomalies").document(name);
  const renamed = (topic: string) => `${prefix}.${topic.replace(/^telemetry\./, "")}`;
  return {
    ...document,
    settings: { ...document.settings, startFrom: "earliest", deadLetterTopic: renamed("telemetry.dead-letter") },
    nodes: document.nodes.map((node) =>
      node.kind === "topic" ? { ...node, config: { ...node.config, topicName: renamed(node.config.topicName) } } : node,
    ),
  };
}

/** A saved pipeline (the deployment refers to it) deployed as `revision`. */
export async function deployNew(cluster: TCluster, document: TPipelineDocument): Promise<TDeploymentRow> {
  const pipeline = await insertPipeline(cluster.id, document, "create", "Test operator");
  return redeploy(cluster, pipeline.id, document, 1);
}

export function redeploy(
  cluster: TCluster,
  pipelineId: string,
  document: TPipelineDocument,
  revision: number,
): Promise<TDeploymentRow> {
  return writeDeployment({
    pipelineId,
    clusterId: cluster.id,
    slug: pipelineSlug(document.name),
    revision,
    document,
    deployedBy: "Test operator",
  });
}
