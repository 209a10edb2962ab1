import kafkajs, { type Consumer } from "kafkajs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TGroupMember } from "~/domain/groups/group-dto";
import type { TRebalanceRecord, TRebalanceWatchEvent } from "~/domain/groups/rebalance-record";
import { insertRebalance } from "~/server/db/rebalances";
import { disconnectAllClusters } from "~/server/kafka/client-registry";
import { pruneRebalanceHistory } from "~/server/services/groups/history-store";
import { activeHistoryWatches } from "~/server/services/groups/history-watcher";
import { startKafkajsMember } from "../../../../test/kafkajs-member";
import { callerAs } from "../../../../test/caller-as";

const brokers = inject("kafkaBrokers").split(",");
const kafka = new kafkajs.Kafka({ clientId: "history-test", brokers, logLevel: kafkajs.logLevel.NOTHING });
const admin = kafka.admin();
const suffix = Date.now().toString(36);
const topic = `int-history-${suffix}`;
const groupId = `int-history-group-${suffix}`;
const caller = callerAs("operator");
const consumers: Consumer[] = [];
let clusterId = "";

/** A real kafkajs member of the group; resolves with its member id once it has joined. */
async function startMember(clientId: string): Promise<{ consumer: Consumer; memberId: string }> {
  const member = await startKafkajsMember({ brokers, groupId, topic, clientId });
  consumers.push(member.consumer);
  return member;
}

/** The group's page, as a browser tab would keep it open: the live watch stream read in the background. */
function openWatch() {
  const controller = new AbortController();
  const events: TRebalanceWatchEvent[] = [];
  const subscriber = callerAs("operator", { signal: controller.signal });
  const done = (async () => {
    for await (const event of await subscriber.groups.history.watch({ clusterId, groupId })) events.push(event);
  })().catch(() => undefined);
  return {
    events,
    latest: () => events.at(-1),
    close: async () => {
      controller.abort();
      await done;
    },
  };
}

const newest = async (): Promise<TRebalanceRecord | undefined> =>
  (await caller.groups.history.rebalances({ clusterId, groupId })).items[0];

const assigned = (members: TGroupMember[] | null) =>
  (members ?? []).flatMap((member) => member.assignment.flatMap((entry) => entry.partitions)).sort();

beforeAll(async () => {
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 4 }], waitForLeaders: true });
  const [cluster] = (await caller.clusters.list()).filter((entry) => entry.name === "integration");
  clusterId = cluster!.id;
});

afterAll(async () => {
  await Promise.allSettled(consumers.map((consumer) => consumer.disconnect()));
  await admin.deleteGroups([groupId]).catch(() => undefined);
  await admin.deleteTopics({ topics: [topic] });
  await admin.disconnect();
  await disconnectAllClusters();
});

describe("groupHistory", () => {
  it("stores a rebalance per member that joins or leaves, in order, with the assignments and moved partitions", async () => {
    const first = await startMember("member-1");
    const second = await startMember("member-2");
    const page = openWatch();
    await expect
      .poll(() => page.latest(), { timeout: 20_000 })
      .toMatchObject({ status: "ok", state: "Stable", memberCount: 2 });
    // The watcher may have caught the tail of the second member's join; count from here.
    const settled = async () => {
      const latest = await newest();
      return latest === undefined || latest.completedAt !== null;
    };
    await expect.poll(settled, { timeout: 20_000 }).toBe(true);
    const baseline = (await caller.groups.history.rebalances({ clusterId, groupId })).total;

    const third = await startMember("member-3");
    await expect
      .poll(async () => (await newest())?.joined.map((member) => member.memberId), { timeout: 30_000 })
      .toEqual([third.memberId]);
    await expect.poll(async () => (await newest())?.completedAt ?? null, { timeout: 30_000 }).not.toBeNull();
    const joinedRebalance = (await newest())!;
    expect(joinedRebalance.before?.map((member) => member.memberId).sort()).toEqual(
      [first.memberId, second.memberId].sort(),
    );
    expect(joinedRebalance.after).toHaveLength(3);
    expect(assigned(joinedRebalance.after)).toEqual([0, 1, 2, 3]);
    expect(joinedRebalance.moved.length).toBeGreaterThan(0);
    expect(joinedRebalance.moved.map((move) => move.to)).toContain(third.memberId);
    expect(joinedRebalance.generation).toEqual(expect.any(Number));
    expect(joinedRebalance.stateChanges[0]?.state).toBe("Stable");
    expect(joinedRebalance.stateChanges.at(-1)?.state).toBe("Stable");

    await second.consumer.disconnect();
    await expect
      .poll(async () => (await newest())?.left.map((member) => member.memberId), { timeout: 30_000 })
      .toEqual([second.memberId]);
    await expect.poll(async () => (await newest())?.completedAt ?? null, { timeout: 30_000 }).not.toBeNull();
    const leftRebalance = (await newest())!;
    expect(leftRebalance.after?.map((member) => member.memberId).sort()).toEqual(
      [first.memberId, third.memberId].sort(),
    );
    expect(assigned(leftRebalance.after)).toEqual([0, 1, 2, 3]);
    // Each rebalance starts a new generation, read from __consumer_offsets.
    expect(leftRebalance.generation).toBeGreaterThan(joinedRebalance.generation!);
    const secondHad = joinedRebalance.after!.find((member) => member.memberId === second.memberId)!.assignment;
    for (const partition of secondHad.flatMap((entry) => entry.partitions)) {
      expect(leftRebalance.moved).toContainEqual(expect.objectContaining({ partition, from: second.memberId }));
    }

    // Newest first, survives a fresh read: exactly the two rebalances since the baseline, in order.
    const timeline = await caller.groups.history.rebalances({ clusterId, groupId });
    expect(timeline.total).toBe(baseline + 2);
    expect(timeline.items.slice(0, 2).map((entry) => entry.id)).toEqual([leftRebalance.id, joinedRebalance.id]);
    expect(leftRebalance.detectedAt).toBeGreaterThan(joinedRebalance.detectedAt);
    expect(page.events.some((event) => event.status === "ok" && event.changed?.id === leftRebalance.id)).toBe(true);
    await page.close();
  });

  it("shares one watcher among every open page of a group and stops it with the last", async () => {
    const watching = () =>
      activeHistoryWatches().filter(([cluster, group]) => cluster === clusterId && group === groupId);
    const pages = [openWatch(), openWatch()];
    await expect.poll(() => pages.every((page) => page.events.length > 0)).toBe(true);
    expect(watching()).toHaveLength(1);
    await Promise.all(pages.map((page) => page.close()));
    await expect.poll(() => watching()).toHaveLength(0);
  });

  it("deletes rebalances older than the retention and keeps the newer ones", async () => {
    const retentionGroup = `int-history-retention-${suffix}`;
    const now = Date.now();
    const row = (daysAgo: number) => ({
      detectedAt: now - daysAgo * 86_400_000,
      completedAt: now - daysAgo * 86_400_000 + 1_000,
      durationMs: 1_000,
      generation: null,
      stateChanges: [],
      joined: [],
      left: [],
      before: [],
      after: [],
      moved: [],
    });
    const old = await insertRebalance(clusterId, retentionGroup, row(31));
    const recent = await insertRebalance(clusterId, retentionGroup, row(29));
    await pruneRebalanceHistory(now, 30);
    const { items } = await caller.groups.history.rebalances({ clusterId, groupId: retentionGroup });
    expect(items.map((item) => item.id)).toEqual([recent.id]);
    expect(items.map((item) => item.id)).not.toContain(old.id);
  });

  it("says in a sentence that an unknown cluster is not registered", async () => {
    await expect(caller.groups.history.rebalances({ clusterId: "no-such-cluster", groupId })).rejects.toThrow(
      "This cluster is not registered in Tributary.",
    );
  });
});
