import kafkajs, { type Consumer } from "kafkajs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { listAuditEvents } from "~/server/db/audit";
import { disconnectAllClusters } from "~/server/kafka/client-registry";
import { demoProcessPids, isProcessAlive } from "~/server/kafka/playground/demo-member-process";
import type { TPlayground, TPlaygroundMember, TPlaygroundWatch } from "~/domain/playground/playground-dto";
import { callerAs } from "../../../../test/caller-as";

/**
 * The playground against the real broker: its members are real kafkajs consumers in child
 * processes. Kafka itself (DescribeGroups from an outside admin) is the judge of who is in the group.
 */

const brokers = inject("kafkaBrokers").split(",");
const kafka = new kafkajs.Kafka({ clientId: "playground-test-outside", brokers, logLevel: kafkajs.logLevel.NOTHING });
const admin = kafka.admin();
const suffix = Date.now().toString(36);
const topic = `int-playground-${suffix}`;
const groupId = `int-playground-group-${suffix}`;
const foreignGroupId = `int-playground-foreign-${suffix}`;
const caller = callerAs("operator");
const SESSION_TIMEOUT_MS = 6_000;
/** Group joins on a loaded two-core machine can take a while; nothing here waits longer than it must. */
const JOIN_TIMEOUT = { timeout: 45_000, interval: 200 };
/** For what happens inside this process (a stream's first event, a process's exit), still under load. */
const LOCAL_TIMEOUT = { timeout: 10_000, interval: 50 };
let clusterId = "";
let outsider: Consumer | null = null;

async function groupMemberIds(id: string): Promise<string[]> {
  const { groups } = await admin.describeGroups([id]);
  return (groups[0]?.members ?? []).map((member) => member.memberId).sort();
}

async function playground(): Promise<TPlayground | undefined> {
  return (await caller.playground.list({ clusterId, topic })).playgrounds.find((entry) => entry.groupId === groupId);
}

const running = (state: TPlayground | undefined) =>
  (state?.members ?? []).filter((member) => ["starting", "joined", "leaving"].includes(member.status));

const assignedPartitions = (members: TPlaygroundMember[]) =>
  members.flatMap((member) => member.assignment.flatMap((entry) => entry.partitions)).sort();

/**
 * Waits until `count` members have joined one generation newer than `after` and share all three
 * partitions. A member reports its generation from its first heartbeat after a join, so right after
 * a change the survivors may still report the old one.
 */
async function settled(count: number, after = -1): Promise<TPlayground> {
  let state: TPlayground | undefined;
  await expect
    .poll(async () => {
      state = await playground();
      const members = running(state);
      const generations = new Set(members.map((member) => member.generationId));
      const isSettled =
        members.length === count &&
        members.every((member) => member.status === "joined") &&
        generations.size === 1 &&
        !generations.has(null) &&
        [...generations][0]! > after &&
        assignedPartitions(members).join() === "0,1,2";
      return isSettled;
    }, JOIN_TIMEOUT)
    .toBe(true)
    .catch((error: unknown) => {
      // Say what the members were doing: "never settled" alone does not tell a crash from a slow join.
      const rows = state?.members.map((m) => `${m.number}:${m.status}:g${m.generationId}:${m.problem ?? ""}`);
      throw new Error(`${count} members did not settle; last seen ${JSON.stringify(rows)}`, { cause: error });
    });
  return state!;
}

beforeAll(async () => {
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
  const [cluster] = (await caller.clusters.list()).filter((entry) => entry.name === "integration");
  clusterId = cluster!.id;
});

afterAll(async () => {
  if (await playground()) await caller.playground.stopAll({ clusterId, groupId }).catch(() => undefined);
  await outsider?.disconnect();
  await admin.deleteGroups([groupId, foreignGroupId]).catch(() => undefined);
  await admin.deleteTopics({ topics: [topic] });
  await admin.disconnect();
  await disconnectAllClusters();
});

describe("playground router", () => {
  it("starts demo members that join the group and share the topic's partitions, live on the watch stream", async () => {
    const controller = new AbortController();
    const events: TPlaygroundWatch[] = [];
    const subscriber = callerAs("operator", { signal: controller.signal });
    const reading = (async () => {
      for await (const event of await subscriber.playground.watch({ clusterId, groupId })) events.push(event);
    })().catch(() => undefined);
    await expect.poll(() => events[0]?.status, LOCAL_TIMEOUT).toBe("stopped");

    const started = await caller.playground.start({
      clusterId,
      topic,
      groupId,
      memberCount: 3,
      sessionTimeoutMs: SESSION_TIMEOUT_MS,
      processingDelayMs: 0,
    });
    expect(started.members.map((member) => member.clientId)).toEqual([
      "tributary-demo-1",
      "tributary-demo-2",
      "tributary-demo-3",
    ]);
    expect(started.members.every((member) => member.pid !== null && isProcessAlive(member.pid))).toBe(true);

    const state = await settled(3);
    expect(await groupMemberIds(groupId)).toEqual(
      running(state)
        .map((member) => member.memberId)
        .sort(),
    );
    // The watch stream pushed the same joined state without being asked.
    await expect
      .poll(() => {
        const latest = events.at(-1);
        return latest?.status === "running"
          ? running(latest.playground).filter((m) => m.status === "joined").length
          : 0;
      }, LOCAL_TIMEOUT)
      .toBe(3);
    controller.abort();
    await reading;

    const [audit] = await listAuditEvents({ clusterId, action: "playground.start", take: 1 });
    expect(audit).toMatchObject({ target: groupId, outcome: "ok" });
  });

  it("adds a fourth member: a new generation, and with 3 partitions one member sits idle", async () => {
    const before = await settled(3);
    await caller.playground.addMember({ clusterId, groupId });
    const after = await settled(4, before.generationId!);
    const idle = running(after).filter((member) => member.assignment.every((entry) => entry.partitions.length === 0));
    expect(idle).toHaveLength(1);
    expect(await groupMemberIds(groupId)).toHaveLength(4);
  });

  it("removes a member gracefully: it leaves the group at once, long before its session would time out", async () => {
    const before = await settled(4);
    const leaving = running(before)[0]!;
    const startedAt = Date.now();
    const after = await caller.playground.removeMember({ clusterId, groupId, memberNumber: leaving.number });
    expect(after.members.find((member) => member.number === leaving.number)?.status).toBe("left");
    expect(isProcessAlive(leaving.pid!)).toBe(false);
    // LeaveGroup takes the member out at once; a session timeout would take 6 s.
    expect(await groupMemberIds(groupId)).not.toContain(leaving.memberId);
    expect(Date.now() - startedAt).toBeLessThan(SESSION_TIMEOUT_MS - 1_000);
    await settled(3);
  });

  it("kills a member without a goodbye: Kafka keeps it until the session timeout, then rebalances", async () => {
    const before = await settled(3);
    const victim = running(before)[0]!;
    const after = await caller.playground.killMember({ clusterId, groupId, memberNumber: victim.number });
    const killedAt = Date.now();
    expect(after.members.find((member) => member.number === victim.number)?.status).toBe("killed");
    expect(isProcessAlive(victim.pid!)).toBe(false);
    // No LeaveGroup was sent: the broker still counts the dead member.
    expect(await groupMemberIds(groupId)).toContain(victim.memberId);

    await expect.poll(() => groupMemberIds(groupId), JOIN_TIMEOUT).not.toContain(victim.memberId);
    // The last heartbeat came up to a heartbeat interval (300 ms) before the kill.
    expect(Date.now() - killedAt).toBeGreaterThanOrEqual(SESSION_TIMEOUT_MS - 1_000);
    // The survivors re-join in a newer generation and take over the partitions.
    await settled(2, before.generationId!);
  });

  it("refuses to start in a group that has members Tributary did not start", async () => {
    outsider = kafka.consumer({ groupId: foreignGroupId, heartbeatInterval: 300, maxWaitTimeInMs: 500 });
    const joined = new Promise<void>((resolve) => outsider!.on(outsider!.events.GROUP_JOIN, () => resolve()));
    await outsider.connect();
    await outsider.subscribe({ topic });
    await outsider.run({ eachMessage: async () => undefined });
    await joined;
    await expect(
      caller.playground.start({
        clusterId,
        topic,
        groupId: foreignGroupId,
        memberCount: 2,
        sessionTimeoutMs: SESSION_TIMEOUT_MS,
        processingDelayMs: 0,
      }),
    ).rejects.toThrow(
      `The group ${foreignGroupId} has 1 member that Tributary did not start; pick another name so the playground does not disturb it.`,
    );
    expect((await caller.playground.list({ clusterId, topic })).playgrounds.map((entry) => entry.groupId)).toEqual([
      groupId,
    ]);
  });

  it("refuses a second playground in the same group", async () => {
    await expect(
      caller.playground.start({
        clusterId,
        topic,
        groupId,
        memberCount: 1,
        sessionTimeoutMs: SESSION_TIMEOUT_MS,
        processingDelayMs: 0,
      }),
    ).rejects.toThrow(`A playground already runs in the group ${groupId}.`);
  });

  it("stops all: every member leaves the group and no demo process is left", async () => {
    const before = await settled(2);
    const pids = before.members.flatMap((member) => (member.pid === null ? [] : [member.pid]));
    expect(pids.length).toBeGreaterThanOrEqual(2);
    await caller.playground.stopAll({ clusterId, groupId });
    expect(pids.filter(isProcessAlive)).toEqual([]);
    // Nor the spare process that keeps "Add member" fast while a playground runs.
    await expect.poll(() => demoProcessPids(), LOCAL_TIMEOUT).toEqual([]);
    expect(await playground()).toBeUndefined();
    expect(await groupMemberIds(groupId)).toEqual([]);
    await expect(caller.playground.addMember({ clusterId, groupId })).rejects.toThrow(
      `No playground runs in the group ${groupId}.`,
    );
  });
});
