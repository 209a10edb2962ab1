import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TCluster } from "~/domain/cluster";
import type { TBrowseInput, TBrowsePage } from "~/domain/messages/browse-query";
import { listAuditEvents } from "~/server/db/audit";
import { deleteClusterRecord, upsertClusterByName } from "~/server/db/clusters";
import { disconnectAllClusters, withAdmin, withProducer } from "~/server/kafka/client-registry";
import { createTopic } from "~/server/kafka/topics/create-topic";
import { actorAs, callerAs } from "../../../../test/caller-as";

const caller = callerAs("operator");
const brokers = inject("kafkaBrokers");
const prefix = `int-browse-${Date.now().toString(36)}`;
const topic = `${prefix}-logs`;
const bigTopic = `${prefix}-big`;
const ONE_MEGABYTE = 1024 * 1024;
/** Partition p holds COUNTS[p] records; record i has timestamp T0 + i s + p × 100 ms (strictly increasing). */
const COUNTS = [30, 20, 10];
const T0 = Date.UTC(2026, 0, 1);
let cluster: TCluster;
let groupsBefore: string[];

const browse = (input: Omit<TBrowseInput, "clusterId" | "topic">, name = topic) =>
  caller.messages.browse({ clusterId: cluster.id, topic: name, ...input });
const offsets = (page: TBrowsePage) => page.messages.map((message) => message.offset);
const refs = (page: TBrowsePage) => page.messages.map((message) => `${message.partition}:${message.offset}`);
const text = (base64: string | undefined) => Buffer.from(base64 ?? "", "base64").toString();

beforeAll(async () => {
  cluster = await upsertClusterByName(`${prefix}-cluster`, brokers);
  groupsBefore = (await withAdmin(cluster, (admin) => admin.listGroups())).groups.map((group) => group.groupId);
  await createTopic(
    cluster,
    { name: topic, partitions: 3, replicationFactor: 1, configs: {} },
    { validateOnly: false },
  );
  await createTopic(
    cluster,
    { name: bigTopic, partitions: 1, replicationFactor: 1, configs: { "max.message.bytes": String(2 * ONE_MEGABYTE) } },
    { validateOnly: false },
  );
  await withProducer(cluster, async (producer) => {
    for (const [partition, count] of COUNTS.entries()) {
      await producer.send({
        topic,
        messages: Array.from({ length: count }, (_, index) => ({
          partition,
          key: `p${partition}-k${index}`,
          value: JSON.stringify({ partition, index }),
          timestamp: String(T0 + index * 1000 + partition * 100),
          headers: { index: String(index) },
        })),
      });
    }
    await producer.send({ topic: bigTopic, messages: [{ key: "big", value: "x".repeat(ONE_MEGABYTE) }] });
  });
});

afterAll(async () => {
  await withAdmin(cluster, (admin) => admin.deleteTopics({ topics: [topic, bigTopic] }));
  await deleteClusterRecord(cluster.id);
  await disconnectAllClusters();
});

describe("messages.browse", () => {
  it("reads a partition from an offset, oldest first, and pages forward and back exactly", async () => {
    const first = await browse({
      partition: 0,
      start: { kind: "offset", offset: "12" },
      order: "oldest-first",
      limit: 5,
    });
    expect(offsets(first)).toEqual(["12", "13", "14", "15", "16"]);
    expect(text(first.messages[0]?.key?.base64)).toBe("p0-k12");
    expect(first.messages[0]).toMatchObject({ timestamp: String(T0 + 12_000), timestampType: "CreateTime" });
    expect(first.messages[0]?.headers.map((header) => [header.key, text(header.value?.base64)])).toEqual([
      ["index", "12"],
    ]);

    const second = await browse({ partition: 0, order: "oldest-first", limit: 5, cursor: first.newer! });
    expect(offsets(second)).toEqual(["17", "18", "19", "20", "21"]);
    const back = await browse({ partition: 0, order: "oldest-first", limit: 5, cursor: second.older! });
    expect(offsets(back)).toEqual(offsets(first));
    expect(first.watermarks).toEqual([{ partition: 0, low: "0", high: "30", isOffline: false }]);
  });

  it("starts at the first record at or after a timestamp", async () => {
    const exact = await browse({
      partition: 0,
      start: { kind: "timestamp", timestamp: T0 + 7_000 },
      order: "oldest-first",
      limit: 3,
    });
    expect(offsets(exact)).toEqual(["7", "8", "9"]);
    const between = await browse({
      partition: 1,
      start: { kind: "timestamp", timestamp: T0 + 7_200 },
      order: "oldest-first",
      limit: 2,
    });
    expect(offsets(between)).toEqual(["8", "9"]);
    // Newest first from a time: the records before it.
    const before = await browse({
      partition: 0,
      start: { kind: "timestamp", timestamp: T0 + 7_000 },
      order: "newest-first",
      limit: 3,
    });
    expect(offsets(before)).toEqual(["6", "5", "4"]);
  });

  it("reads from earliest and from latest, with no cursor past either end", async () => {
    const earliest = await browse({ partition: 2, start: { kind: "earliest" }, order: "oldest-first", limit: 3 });
    expect(offsets(earliest)).toEqual(["0", "1", "2"]);
    expect(earliest.older).toBeNull();
    const latest = await browse({ partition: 0, start: { kind: "latest" }, order: "newest-first", limit: 4 });
    expect(offsets(latest)).toEqual(["29", "28", "27", "26"]);
    expect(latest.newer).toBeNull();
    const older = await browse({ partition: 0, order: "newest-first", limit: 4, cursor: latest.older! });
    expect(offsets(older)).toEqual(["25", "24", "23", "22"]);
  });

  it("moves an offset past the end to the end and says so", async () => {
    const page = await browse({
      partition: 2,
      start: { kind: "offset", offset: "500" },
      order: "oldest-first",
      limit: 10,
    });
    expect(page.messages).toEqual([]);
    expect(page.notes).toEqual(["Offset 500 is past the end of partition 2, which ends at 10; the page starts there."]);
    expect(page.newer).toBeNull();
  });

  it("pages through all partitions in time order, forward and back, without gaps or repeats", async () => {
    const all = COUNTS.flatMap((count, partition) =>
      Array.from({ length: count }, (_, index) => `${partition}:${index}`),
    );
    const forward: string[] = [];
    let page = await browse({ partition: "all", start: { kind: "earliest" }, order: "oldest-first", limit: 7 });
    for (;;) {
      const times = page.messages.map((message) => Number(message.timestamp));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      forward.push(...refs(page));
      if (!page.newer) break;
      page = await browse({ partition: "all", order: "oldest-first", limit: 7, cursor: page.newer });
    }
    expect(forward).toHaveLength(all.length);
    expect([...forward].sort()).toEqual([...all].sort());

    const backward: string[] = [];
    page = await browse({ partition: "all", start: { kind: "latest" }, order: "newest-first", limit: 9 });
    expect(refs(page).slice(0, 3)).toEqual(["0:29", "0:28", "0:27"]);
    for (;;) {
      backward.push(...refs(page));
      if (!page.older) break;
      page = await browse({ partition: "all", order: "newest-first", limit: 9, cursor: page.older });
    }
    expect(backward).toEqual([...forward].reverse());
  });

  it("shows the broker's append time on LogAppendTime topics", async () => {
    const appendTopic = `${prefix}-append`;
    await createTopic(
      cluster,
      {
        name: appendTopic,
        partitions: 1,
        replicationFactor: 1,
        configs: { "message.timestamp.type": "LogAppendTime" },
      },
      { validateOnly: false },
    );
    try {
      const before = Date.now();
      await withProducer(cluster, (producer) =>
        producer.send({ topic: appendTopic, messages: [{ value: "v", timestamp: "1000" }] }),
      );
      const page = await browse({ partition: 0, start: { kind: "earliest" }, order: "oldest-first" }, appendTopic);
      expect(page.messages[0]?.timestampType).toBe("LogAppendTime");
      expect(Number(page.messages[0]?.timestamp)).toBeGreaterThanOrEqual(before - 1_000);
    } finally {
      await withAdmin(cluster, (admin) => admin.deleteTopics({ topics: [appendTopic] }));
    }
  });

  it("writes one audit row per browse", async () => {
    await browse({ partition: 1, start: { kind: "earliest" }, order: "oldest-first", limit: 1 });
    const [event] = await listAuditEvents({ clusterId: cluster.id, action: "messages.browse", take: 1 });
    expect(event).toMatchObject({ actor: (await actorAs("operator")).id, target: topic, outcome: "ok" });
  });

  it("refuses a partition the topic does not have, in a sentence", async () => {
    await expect(browse({ partition: 7 })).rejects.toThrow(
      `The topic ${topic} has no partition 7; it has partitions 0 to 2.`,
    );
  });
});

describe("messages.get", () => {
  it("cuts a 1 MB value in the list and returns it whole on request", async () => {
    const page = await browse({ partition: 0, start: { kind: "earliest" }, order: "oldest-first", limit: 1 }, bigTopic);
    expect(page.messages[0]?.value).toMatchObject({ size: ONE_MEGABYTE, isTruncated: true });
    const full = await caller.messages.get({ clusterId: cluster.id, topic: bigTopic, partition: 0, offset: "0" });
    expect(full.value).toMatchObject({ size: ONE_MEGABYTE, isTruncated: false });
    expect(Buffer.from(full.value!.base64, "base64").equals(Buffer.alloc(ONE_MEGABYTE, "x"))).toBe(true);
  });

  it("says when an offset is outside the log", async () => {
    await expect(caller.messages.get({ clusterId: cluster.id, topic, partition: 2, offset: "10" })).rejects.toThrow(
      `Offset 10 is not in partition 2 of ${topic}, which holds offsets 0 to 9.`,
    );
  });
});

describe("browsing without a consumer group", () => {
  it("creates no consumer group", async () => {
    const groups = (await withAdmin(cluster, (admin) => admin.listGroups())).groups.map((group) => group.groupId);
    expect(groups.sort()).toEqual([...groupsBefore].sort());
  });
});
