import "server-only";
import { vi } from "vitest";
import { withAdmin, withMetadata, withProducer, type ClusterTarget } from "../client-registry";
import { fetchRecords } from "../messages/fetch-records";
import type { TFetchedRecord } from "../messages/fetched-record";
import { readPartitionStates } from "../messages/partition-states";
import { createTopic } from "../topics/create-topic";
import { memberKafka } from "./member-client";
import type { TInRecord, TOutRecord, TPartitionProcessor } from "./step-member-types";

/** Helpers of the step member's integration tests: real topics, real reads, nothing mocked. */

/**
 * A fresh broker creates __consumer_offsets and __transaction_state (50 partitions each) when they
 * are first needed, which can outlast a member's join retries on a loaded machine. Done once in
 * beforeAll (under the hook timeout), so that the tests' waits are about the member, not about the
 * broker's first start. Uses the member's patient client.
 */
export async function prepareInternalTopics(target: ClusterTarget): Promise<void> {
  const kafka = memberKafka(target, "tributary-test-warm-up");
  const admin = kafka.admin();
  const producer = kafka.producer({
    transactionalId: `warm-up-${Date.now()}`,
    idempotent: true,
    maxInFlightRequests: 1,
  });
  try {
    await admin.connect();
    // The coordinators answer NOT_COORDINATOR while they load the new partitions: ask until they serve.
    const patience = { timeout: 90_000, interval: 500 };
    await vi.waitFor(() => admin.fetchOffsets({ groupId: "tributary-test-warm-up", topics: [] }), patience);
    await vi.waitFor(() => producer.connect(), patience);
    await vi.waitFor(async () => (await producer.transaction()).abort(), patience);
  } finally {
    await producer.disconnect();
    await admin.disconnect();
  }
}

export async function createTopics(target: ClusterTarget, names: readonly string[], partitions: number): Promise<void> {
  for (const name of names) {
    await createTopic(target, { name, partitions, replicationFactor: 1, configs: {} }, { validateOnly: false });
  }
}

export async function produceValues(
  target: ClusterTarget,
  topic: string,
  values: readonly string[],
  partitionOf: (index: number) => number,
): Promise<void> {
  await withProducer(target, (producer) =>
    producer.send({
      topic,
      acks: -1,
      messages: values.map((value, index) => ({ key: `k-${index}`, value, partition: partitionOf(index) })),
    }),
  );
}

/** Every record of every partition up to the end, as a group-less reader sees it. */
export async function readAllRecords(
  target: ClusterTarget,
  topic: string,
  readCommitted: boolean,
): Promise<TFetchedRecord[]> {
  return withMetadata(target, async (cluster) => {
    const records: TFetchedRecord[] = [];
    for (const state of await readPartitionStates(cluster, topic)) {
      let position = state.low;
      while (position < state.high) {
        const [fetched] = await fetchRecords(
          cluster,
          topic,
          [{ partition: state.partition, leader: state.leader!, fromOffset: position }],
          { maxWaitMs: 0, maxBytesPerPartition: 1024 * 1024, readCommitted },
        );
        if (!fetched || fetched.nextOffset <= position) break;
        records.push(...fetched.records);
        position = fetched.nextOffset;
      }
    }
    return records;
  });
}

export async function committedOffsets(target: ClusterTarget, groupId: string, topic: string): Promise<string[]> {
  const offsets = await withAdmin(target, (admin) => admin.fetchOffsets({ groupId, topics: [topic] }));
  return (offsets[0]?.partitions ?? []).sort((a, b) => a.partition - b.partition).map((entry) => entry.offset);
}

export async function endOffsets(target: ClusterTarget, topic: string): Promise<string[]> {
  const offsets = await withAdmin(target, (admin) => admin.fetchTopicOffsets(topic));
  return offsets.sort((a, b) => a.partition - b.partition).map((entry) => entry.high);
}

export async function groupMemberCount(target: ClusterTarget, groupId: string): Promise<number> {
  const { groups } = await withAdmin(target, (admin) => admin.describeGroups([groupId]));
  return groups[0]?.members.length ?? 0;
}

/** The trivial step of these tests: the value in upper case, to `outputTopic`, keyed as it came. */
export function upperCaseProcessor(
  outputTopic: string,
  onRecords?: (records: readonly TInRecord[]) => void,
): TPartitionProcessor {
  return {
    process(records) {
      onRecords?.(records);
      return Promise.resolve(
        records.map((record): TOutRecord => ({
          topic: outputTopic,
          key: record.key?.toString() ?? null,
          value: record.value?.toString().toUpperCase() ?? null,
          headers: { "tributary-step": "upper" },
        })),
      );
    },
    close: () => undefined,
  };
}

export function uniqueName(label: string): string {
  return `t-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}-${label}`;
}
