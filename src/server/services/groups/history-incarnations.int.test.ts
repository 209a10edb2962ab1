import kafkajs, { type Consumer } from "kafkajs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TRebalanceRecord, TRebalanceWatchEvent } from "~/domain/groups/rebalance-record";
import { isRebalancing } from "~/domain/groups/rebalance-tracker";
import { disconnectAllClusters } from "~/server/kafka/client-registry";
import { callerAs } from "../../../../test/caller-as";
import { startKafkajsMember } from "../../../../test/kafkajs-member";
import { sweepRebalancesOnce } from "./history-sweep";

const brokers = inject("kafkaBrokers").split(",");
const kafka = new kafkajs.Kafka({ clientId: "incarnation-test", brokers, logLevel: kafkajs.logLevel.NOTHING });
const admin = kafka.admin();
const suffix = Date.now().toString(36);
const topic = `int-incarnation-${suffix}`;
const caller = callerAs("operator");
const consumers = new Set<Consumer>();
let clusterId = "";

async function startMember(groupId: string, clientId: string): Promise<{ consumer: Consumer; memberId: string }> {
  const member = await startKafkajsMember({ brokers, groupId, topic, clientId });
  consumers.add(member.consumer);
  return member;
}

async function stopMember(consumer: Consumer): Promise<void> {
  consumers.delete(consumer);
  await consumer.disconnect();
}

const history = async (groupId: string): Promise<TRebalanceRecord[]> =>
  (await caller.groups.history.rebalances({ clusterId, groupId, pageSize: 100 })).items;

/** Waits until the newest stored rebalance of the group is complete and `match`es; `step` runs before each look. */
async function newestWhen(
  groupId: string,
  match: (rebalance: TRebalanceRecord) => boolean,
  step: () => Promise<unknown> = async () => undefined,
): Promise<TRebalanceRecord> {
  let found: TRebalanceRecord | undefined;
  await expect
    .poll(
      async () => {
        await step();
        const [newest] = await history(groupId);
        found = newest?.completedAt != null && match(newest) ? newest : undefined;
        return found !== undefined;
      },
      { timeout: 60_000, interval: 500 },
    )
    .toBe(true);
  return found!;
}

/** The group's page kept open: the live rebalance watch, read in the background. */
function openPage(groupId: string) {
  const controller = new AbortController();
  const events: TRebalanceWatchEvent[] = [];
  const page = callerAs("operator", { signal: controller.signal });
  const done = (async () => {
    for await (const event of await page.groups.history.watch({ clusterId, groupId })) events.push(event);
  })().catch(() => undefined);
  return {
    events,
    /** Resolves once the page shows the group (or that it does not exist yet). */
    opened: () => expect.poll(() => events.length, { timeout: 30_000 }).toBeGreaterThan(0),
    close: async () => {
      controller.abort();
      await done;
    },
  };
}

/** Stored history, oldest first, as [incarnation, generation] of the completed rebalances. */
const generationsByIncarnation = (rebalances: TRebalanceRecord[]) =>
  rebalances
    .filter((rebalance) => rebalance.completedAt !== null && rebalance.generation !== null)
    .reverse()
    .map((rebalance) => [rebalance.incarnation, rebalance.generation!] as const);

/** Within one incarnation generations only grow; the second incarnation starts below where the first ended. */
function expectRestartedNumbering(rebalances: TRebalanceRecord[]) {
  const pairs = generationsByIncarnation(rebalances);
  expect(new Set(pairs.map(([incarnation]) => incarnation))).toEqual(new Set([1, 2]));
  for (const incarnation of [1, 2]) {
    const generations = pairs.flatMap(([inc, generation]) => (inc === incarnation ? [generation] : []));
    expect(generations).toEqual([...generations].sort((a, b) => a - b));
    expect(new Set(generations).size).toBe(generations.length);
  }
  const lastOfFirst = Math.max(...pairs.flatMap(([inc, generation]) => (inc === 1 ? [generation] : [])));
  const firstOfSecond = pairs.find(([incarnation]) => incarnation === 2)![1];
  expect(firstOfSecond).toBeLessThan(lastOfFirst);
}

beforeAll(async () => {
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
  const [cluster] = (await caller.clusters.list()).filter((entry) => entry.name === "integration");
  clusterId = cluster!.id;
});

afterAll(async () => {
  await Promise.allSettled([...consumers].map((consumer) => consumer.disconnect()));
  await admin.deleteTopics({ topics: [topic] });
  await admin.disconnect();
  await disconnectAllClusters();
});

describe("a consumer group deleted and created again with the same id", () => {
  it(
    "is stored as a second incarnation whose generations restart, while its page is open",
    { timeout: 240_000 },
    async () => {
      const groupId = `int-incarnation-watched-${suffix}`;
      const page = openPage(groupId);
      try {
        await page.opened();
        const first = await startMember(groupId, "incarnation-1");
        // The first stored rebalance of a new group lists the members that joined it.
        const created = await newestWhen(groupId, (rebalance) =>
          rebalance.joined.some((member) => member.memberId === first.memberId),
        );
        expect(created.incarnation).toBe(1);
        const second = await startMember(groupId, "incarnation-2");
        await newestWhen(groupId, (rebalance) =>
          rebalance.joined.some((member) => member.memberId === second.memberId),
        );
        await stopMember(second.consumer);
        await stopMember(first.consumer);
        await newestWhen(groupId, (rebalance) => rebalance.after?.length === 0);

        await admin.deleteGroups([groupId]);
        await expect
          .poll(() => page.events.some((event) => event.status === "ok" && event.state === "Dead"), { timeout: 20_000 })
          .toBe(true);

        const again = await startMember(groupId, "incarnation-3");
        const recreated = await newestWhen(groupId, (rebalance) =>
          rebalance.joined.some((member) => member.memberId === again.memberId),
        );
        expect(recreated.incarnation).toBe(2);
        expect(recreated.before).toEqual([]);
        const stored = await history(groupId);
        expect(stored.filter((rebalance) => rebalance.incarnation === 1).length).toBeGreaterThanOrEqual(3);
        expectRestartedNumbering(stored);
        await stopMember(again.consumer);
      } finally {
        await page.close();
        await admin.deleteGroups([groupId]).catch(() => undefined);
      }
    },
  );

  it(
    "is stored as a second incarnation by the sweep too, when nobody has its page open",
    { timeout: 240_000 },
    async () => {
      const groupId = `int-incarnation-swept-${suffix}`;
      const sweep = () => sweepRebalancesOnce(clusterId, (candidate) => candidate === groupId);
      try {
        await sweep();
        const first = await startMember(groupId, "swept-1");
        await newestWhen(
          groupId,
          (rebalance) => rebalance.joined.some((member) => member.memberId === first.memberId),
          sweep,
        );
        const second = await startMember(groupId, "swept-2");
        await newestWhen(
          groupId,
          (rebalance) => rebalance.joined.some((member) => member.memberId === second.memberId),
          sweep,
        );
        await stopMember(second.consumer);
        await stopMember(first.consumer);
        await newestWhen(groupId, (rebalance) => rebalance.after?.length === 0, sweep);

        await admin.deleteGroups([groupId]);
        // The sweep sees the group gone.
        await sweep();
        const again = await startMember(groupId, "swept-3");
        const recreated = await newestWhen(
          groupId,
          (rebalance) => rebalance.joined.some((member) => member.memberId === again.memberId),
          sweep,
        );
        expect(recreated.incarnation).toBe(2);
        expectRestartedNumbering(await history(groupId));
        await stopMember(again.consumer);
      } finally {
        await admin.deleteGroups([groupId]).catch(() => undefined);
      }
    },
  );
});

describe("the group page's live snapshot", () => {
  it(
    "never says the group settled while its newest rebalance reads as in progress, and names the generation it ended in",
    { timeout: 180_000 },
    async () => {
      const groupId = `int-incarnation-agree-${suffix}`;
      const page = openPage(groupId);
      try {
        await page.opened();
        const first = await startMember(groupId, "agree-1");
        await newestWhen(groupId, (rebalance) => rebalance.joined.some((member) => member.memberId === first.memberId));
        const second = await startMember(groupId, "agree-2");
        const joined = await newestWhen(groupId, (rebalance) =>
          rebalance.joined.some((member) => member.memberId === second.memberId),
        );
        await stopMember(second.consumer);
        const left = await newestWhen(groupId, (rebalance) =>
          rebalance.left.some((member) => member.memberId === second.memberId),
        );
        await expect
          .poll(() => page.events.some((event) => event.status === "ok" && event.newest?.id === left.id))
          .toBe(true);

        // What the page shows: the header's state and generation and the timeline's newest entry, per event.
        const settled = page.events.flatMap((event) =>
          event.status === "ok" && !isRebalancing(event.state) && event.newest ? [event] : [],
        );
        for (const event of settled) {
          expect(event.newest!.completedAt, `newest rebalance under "${event.state}"`).not.toBeNull();
          if (event.newest!.generation !== null) expect(event.generation).toBe(event.newest!.generation);
        }
        for (const rebalance of [joined, left]) {
          const shown = settled.find((event) => event.newest?.id === rebalance.id);
          expect(shown?.generation).toBe(rebalance.generation);
        }
        await stopMember(first.consumer);
      } finally {
        await page.close();
        await admin.deleteGroups([groupId]).catch(() => undefined);
      }
    },
  );
});
