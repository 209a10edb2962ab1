import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TCluster } from "~/domain/cluster";
import type { TMessage } from "~/domain/messages/message";
import type { TSearchEvent, TSearchInput } from "~/domain/messages/search-query";
import { listAuditEvents } from "~/server/db/audit";
import { deleteClusterRecord, upsertClusterByName } from "~/server/db/clusters";
import { disconnectAllClusters, withAdmin, withProducer } from "~/server/kafka/client-registry";
import { createTopic } from "~/server/kafka/topics/create-topic";
import { actorAs, callerAs } from "../../../../test/caller-as";

const brokers = inject("kafkaBrokers");
const prefix = `int-search-${Date.now().toString(36)}`;
const topic = `${prefix}-big`;
const TOTAL = 100_000;
const PLANTED = { partition: 1, index: 31_337 };
let cluster: TCluster;
let groupsBefore: string[];

type TEvent = TSearchEvent<TMessage>;

function input(overrides: Partial<TSearchInput>): TSearchInput {
  return {
    clusterId: cluster.id,
    topic,
    partition: null,
    kind: "text",
    query: "planted-needle",
    from: null,
    to: null,
    maxMessages: 1_000_000,
    maxSeconds: 120,
    maxResults: 500,
    ...overrides,
  };
}

/** Runs a search to its end and returns every event. */
async function search(overrides: Partial<TSearchInput>): Promise<TEvent[]> {
  const caller = callerAs("operator");
  const events: TEvent[] = [];
  for await (const event of await caller.messages.search(input(overrides))) events.push(event);
  return events;
}

const matchesOf = (events: TEvent[]) => events.flatMap((event) => event.newMatches);
const last = (events: TEvent[]) => events.at(-1)!;

beforeAll(async () => {
  cluster = await upsertClusterByName(`${prefix}-cluster`, brokers);
  groupsBefore = (await withAdmin(cluster, (admin) => admin.listGroups())).groups.map((group) => group.groupId);
  await createTopic(
    cluster,
    { name: topic, partitions: 2, replicationFactor: 1, configs: {} },
    { validateOnly: false },
  );
  // 50,000 JSON messages per partition, in batches of 5,000; one of them carries the needle.
  await withProducer(cluster, async (producer) => {
    for (let batch = 0; batch < TOTAL / 5_000; batch += 1) {
      const partition = batch % 2;
      await producer.send({
        topic,
        messages: Array.from({ length: 5_000 }, (_, offsetInBatch) => {
          const index = Math.floor(batch / 2) * 5_000 + offsetInBatch;
          const isPlanted = partition === PLANTED.partition && index === PLANTED.index;
          return {
            partition,
            key: `sensor-${index % 50}`,
            value: JSON.stringify({ index, status: isPlanted ? "planted-needle" : "ok", reading: index % 97 }),
            headers: index % 10_000 === 0 ? { marker: `marker-${index}` } : {},
          };
        }),
      });
    }
  });
}, 180_000);

afterAll(async () => {
  await withAdmin(cluster, (admin) => admin.deleteTopics({ topics: [topic] }));
  await deleteClusterRecord(cluster.id);
  await disconnectAllClusters();
});

describe("messages.search", () => {
  it("finds a planted message among 100,000 by text and says the search is complete", async () => {
    const events = await search({});
    expect(matchesOf(events).map((message) => [message.partition, message.offset])).toEqual([
      [PLANTED.partition, String(PLANTED.index)],
    ]);
    const done = last(events);
    expect(done).toMatchObject({ type: "done", status: "complete", scanned: TOTAL, matches: 1 });
    expect(done.type === "done" && done.sentence).toMatch(
      /^Complete: scanned 100,000 messages in [\d.]+ s and found 1 match\.$/,
    );
    expect(done.partitions.map((progress) => progress.position)).toEqual(["50000", "50000"]);
  });

  it("finds the same message with a JSONata predicate, and headers with another", async () => {
    const byValue = await search({ kind: "jsonata", query: 'value.status = "planted-needle" and partition = 1' });
    expect(matchesOf(byValue).map((message) => message.offset)).toEqual([String(PLANTED.index)]);
    const byHeader = await search({ kind: "jsonata", query: 'headers.marker = "marker-20000"' });
    const found = matchesOf(byHeader).map((message) => [message.partition, message.offset]);
    // Partitions are scanned in parallel, so matches of different partitions arrive in any order.
    expect(found.sort()).toEqual([
      [0, "20000"],
      [1, "20000"],
    ]);
  });

  it("scans only the offset range of the chosen partition", async () => {
    const events = await search({
      partition: 1,
      kind: "jsonata",
      query: "value.reading = 0",
      from: { type: "offset", offset: "1000" },
      to: { type: "offset", offset: "1194" },
    });
    // reading = index % 97 is 0 at offsets 1067 and 1164 within 1000…1194.
    expect(matchesOf(events).map((message) => message.offset)).toEqual(["1067", "1164"]);
    expect(last(events)).toMatchObject({ status: "complete", scanned: 195 });
  });

  it("scans only a time range, resolved to offsets by timestamp", async () => {
    const timed = `${prefix}-timed`;
    await createTopic(
      cluster,
      { name: timed, partitions: 1, replicationFactor: 1, configs: {} },
      { validateOnly: false },
    );
    try {
      await withProducer(cluster, (producer) =>
        producer.send({
          topic: timed,
          messages: Array.from({ length: 10 }, (_, index) => ({
            value: `tick ${index}`,
            timestamp: String((index + 1) * 1000),
          })),
        }),
      );
      const events = await search({
        topic: timed,
        query: "tick",
        from: { type: "time", ms: 3_000 },
        to: { type: "time", ms: 6_000 },
      });
      expect(matchesOf(events).map((message) => message.offset)).toEqual(["2", "3", "4", "5"]);
      expect(last(events)).toMatchObject({ status: "complete", scanned: 4 });
    } finally {
      await withAdmin(cluster, (admin) => admin.deleteTopics({ topics: [timed] }));
    }
  });

  it("stops at the scan budget and says how much was not scanned", async () => {
    const events = await search({ partition: 0, maxMessages: 20_000 });
    const done = last(events);
    expect(done).toMatchObject({ type: "done", status: "partial", scanned: 20_000 });
    expect(done.type === "done" && done.sentence).toBe(
      "Partial: stopped after the budget of 20,000 messages; 60% of partition 0 not scanned; 0 matches.",
    );
  });

  it("stops at the result cap and says so", async () => {
    const events = await search({ kind: "jsonata", query: "value.reading = 5", maxResults: 25 });
    expect(matchesOf(events)).toHaveLength(25);
    const done = last(events);
    expect(done.type === "done" && done.sentence).toMatch(
      /^Partial: 25 matches shown — the cap; narrow the filter or the range/,
    );
  });

  it("stops with the offset when the filter fails on a message", async () => {
    const events = await search({ partition: 0, kind: "jsonata", query: 'value.index > "a"' });
    const done = last(events);
    expect(done.type === "done" && done.sentence).toMatch(
      /^Partial: the filter failed on offset 0 of partition 0: The expression failed: /,
    );
  });

  it("refuses a JSONata syntax error with its sentence before reading", async () => {
    await expect(search({ kind: "jsonata", query: "value.status = (" })).rejects.toThrow(
      /^The expression has a syntax error at character \d+/,
    );
  });

  it("ends the stream with NOT_FOUND and its sentence for a missing topic, so the client does not retry it", async () => {
    await expect(search({ topic: `${topic}-missing` })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: `There is no topic named ${topic}-missing on this cluster.`,
    });
  });

  it("stops when the subscriber goes away and says it was cancelled", async () => {
    const controller = new AbortController();
    const caller = callerAs("operator", { signal: controller.signal });
    const events: TEvent[] = [];
    // A filter jsonata must evaluate itself (no fast path) keeps the scan busy long enough to cancel.
    const iterable = await caller.messages.search(
      input({ kind: "jsonata", query: '$substring(value.status, 0, 5) = "never"' }),
    );
    for await (const event of iterable) {
      events.push(event);
      if (event.scanned > 0) controller.abort();
    }
    const done = events.at(-1)!;
    expect(done.type === "done" && done.sentence).toMatch(/^Partial: cancelled after [\d,]+ messages; 0 matches\.$/);
    expect(done.scanned).toBeLessThan(TOTAL);
  });

  it("writes one audit row per search and creates no consumer group", async () => {
    const before = await listAuditEvents({ clusterId: cluster.id, action: "messages.search", take: 1_000 });
    await search({ partition: 0, maxMessages: 10 });
    const after = await listAuditEvents({ clusterId: cluster.id, action: "messages.search", take: 1_000 });
    expect(after.length - before.length).toBe(1);
    expect(after[0]).toMatchObject({ actor: (await actorAs("operator")).id, target: topic, outcome: "ok" });
    const groups = (await withAdmin(cluster, (admin) => admin.listGroups())).groups.map((group) => group.groupId);
    expect(groups.sort()).toEqual(groupsBefore.sort());
  });
});
