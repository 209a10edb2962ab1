import kafkajs, { type Consumer } from "kafkajs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TRebalanceRecord } from "~/domain/groups/rebalance-record";
import { callerAs } from "../../../../test/caller-as";
import { disconnectAllClusters } from "~/server/kafka/client-registry";
import { startJavaConsumer, stopJavaConsumer } from "../../../../test/java-consumer";
import { startKafkajsMember } from "../../../../test/kafkajs-member";
import { sweepRebalancesOnce } from "./history-sweep";
import { activeHistoryWatches } from "./history-watcher";

const brokers = inject("kafkaBrokers").split(",");
const kafka = new kafkajs.Kafka({ clientId: "sweep-test", brokers, logLevel: kafkajs.logLevel.NOTHING });
const admin = kafka.admin();
const suffix = Date.now().toString(36);
const topic = `int-sweep-${suffix}`;
const groupId = `int-sweep-group-${suffix}`;
const caller = callerAs("operator");
const consumers: Consumer[] = [];
let clusterId = "";
/** Other test files count the rebalances of their own groups: sweep only ours. */
const ours = (candidate: string) => candidate === groupId;

async function startMember(clientId: string): Promise<string> {
  const { consumer, memberId } = await startKafkajsMember({ brokers, groupId, topic, clientId });
  consumers.push(consumer);
  return memberId;
}

const rebalances = async (ofGroup = groupId): Promise<TRebalanceRecord[]> =>
  (await caller.groups.history.rebalances({ clusterId, groupId: ofGroup, pageSize: 100 })).items;

/** Sweeps until the newest stored rebalance is complete and `match`es (a sweep may catch it half-way). */
async function sweepUntil(
  match: (rebalance: TRebalanceRecord) => boolean,
  ofGroup = groupId,
): Promise<TRebalanceRecord> {
  let found: TRebalanceRecord | undefined;
  await expect
    .poll(
      async () => {
        await sweepRebalancesOnce(clusterId, (candidate) => candidate === ofGroup);
        const [newest] = await rebalances(ofGroup);
        found = newest?.completedAt != null && match(newest) ? newest : undefined;
        return found !== undefined;
      },
      { timeout: 60_000, interval: 500 },
    )
    .toBe(true);
  return found!;
}

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

describe("the rebalance sweep (groups without an open page)", () => {
  it("records a member joining a group nobody has open, with the moved partitions and the new generation", async () => {
    await startMember("sweep-member-1");
    // First sight of the group, settled with one member: nothing to record yet.
    expect(await sweepRebalancesOnce(clusterId, ours)).toBe(0);
    const before = (await rebalances()).length;

    const joinedId = await startMember("sweep-member-2");
    const joined = await sweepUntil((rebalance) => rebalance.joined.some((member) => member.memberId === joinedId));
    expect(joined.after).toHaveLength(2);
    expect(joined.moved.map((move) => move.to)).toContain(joinedId);
    expect(joined.generation).toEqual(expect.any(Number));
    expect(await rebalances()).toHaveLength(before + 1);
  });

  it("leaves a group with an open page to the page's watcher, so each rebalance is stored once", async () => {
    const controller = new AbortController();
    const page = callerAs("operator", { signal: controller.signal });
    const events: unknown[] = [];
    const watching = (async () => {
      for await (const event of await page.groups.history.watch({ clusterId, groupId })) events.push(event);
    })().catch(() => undefined);
    await expect.poll(() => events.length, { timeout: 20_000 }).toBeGreaterThan(0);
    const before = (await rebalances()).length;

    const joinedId = await startMember("sweep-member-3");
    // Sweeps run while the page's watcher records the join: the sweep must not store it a second time.
    const joined = await sweepUntil((rebalance) => rebalance.joined.some((member) => member.memberId === joinedId));
    await sweepRebalancesOnce(clusterId, ours);
    const stored = await rebalances();
    expect(stored.filter((rebalance) => rebalance.joined.some((member) => member.memberId === joinedId))).toEqual([
      joined,
    ]);
    expect(stored).toHaveLength(before + 1);
    controller.abort();
    await watching;
  });

  it("records a member that leaves just as the group's last open page closes (the watcher hands over to the sweep)", async () => {
    const leaver = await startKafkajsMember({ brokers, groupId, topic, clientId: "sweep-leaver" });
    await sweepUntil((rebalance) => rebalance.joined.some((member) => member.memberId === leaver.memberId));
    const size = (await rebalances())[0]!.after!.length;

    const controller = new AbortController();
    const page = callerAs("operator", { signal: controller.signal });
    let seen = 0;
    const watching = (async () => {
      for await (const event of await page.groups.history.watch({ clusterId, groupId })) {
        if (event.status === "ok" && event.state === "Stable" && event.memberCount === size) seen += 1;
      }
    })().catch(() => undefined);
    await expect.poll(() => seen, { timeout: 20_000 }).toBeGreaterThan(0);
    // The sweep runs while the page is open: it leaves the group to the watcher and forgets it.
    await sweepRebalancesOnce(clusterId, ours);
    controller.abort();
    await watching;
    await expect.poll(() => activeHistoryWatches().some(([, group]) => group === groupId)).toBe(false);

    // The page is closed and no watcher runs: only the sweep can record this.
    await leaver.consumer.disconnect();
    const left = await sweepUntil((rebalance) => rebalance.left.some((member) => member.memberId === leaver.memberId));
    expect(left.after).toHaveLength(size - 1);
  });

  it("records a KIP-848 group's rebalance too, described with ConsumerGroupDescribe", async () => {
    const newGroup = `${groupId}-kip848`;
    const javaMembers = [startJavaConsumer(brokers.join(","), topic, newGroup)];
    try {
      // Wait for the first member to own all four partitions, then add a second one.
      await expect
        .poll(
          async () => {
            await sweepRebalancesOnce(clusterId, (candidate) => candidate === newGroup);
            const [group] = (await caller.groups.list({ clusterId, search: newGroup })).items;
            return group?.state === "Stable" && group.memberCount === 1;
          },
          { timeout: 60_000, interval: 500 },
        )
        .toBe(true);
      javaMembers.push(startJavaConsumer(brokers.join(","), topic, newGroup));
      const joined = await sweepUntil(
        (rebalance) => rebalance.joined.length === 1 && rebalance.after?.length === 2,
        newGroup,
      );
      expect(joined.after).toHaveLength(2);
      expect(joined.moved.length).toBeGreaterThan(0);
      expect(joined.generation).toEqual(expect.any(Number));
    } finally {
      await Promise.all(javaMembers.map(stopJavaConsumer));
      await admin.deleteGroups([newGroup]).catch(() => undefined);
    }
  });
});
