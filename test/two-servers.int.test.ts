import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import kafkajs, { type Consumer } from "kafkajs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { findLagSamples } from "~/server/db/lag-samples";
import { listRebalances } from "~/server/db/rebalances";
import { listLeases } from "~/server/db/worker-leases";
import { disconnectAllClusters } from "~/server/kafka/client-registry";
import { lagSamplerName } from "~/server/services/groups/lag-sampler";
import { REBALANCE_SWEEP_WORKER } from "~/server/services/groups/history-sweep";
import { ensureDefaultCluster } from "~/server/services/clusters/registered-clusters";
import { callerAs } from "./caller-as";
import { startKafkajsMember } from "./kafkajs-member";

/**
 * Two web servers on one database and one broker (each a real process running the background work
 * through the code src/instrumentation.ts runs): every rebalance and every lag sample is stored
 * once, and when the server holding the jobs dies (SIGKILL: no goodbye, its leases just stop being
 * renewed) the other takes them over. Without the leases both servers would sweep and sample.
 */
const LAG_SAMPLE_SECONDS = 1;
const root = fileURLToPath(new URL("..", import.meta.url));
const brokers = inject("kafkaBrokers").split(",");
const kafka = new kafkajs.Kafka({ clientId: "two-servers-test", brokers, logLevel: kafkajs.logLevel.NOTHING });
const admin = kafka.admin();
const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
const suffix = Date.now().toString(36);
const topic = `int-two-servers-${suffix}`;
const groupId = `int-two-servers-group-${suffix}`;
const pagedGroupId = `${groupId}-paged`;
const consumers: Consumer[] = [];

type TServer = { child: ChildProcess; holderId: string; output: () => string; lines: string[] };
const servers: TServer[] = [];
let clusterId = "";

async function startServer(): Promise<TServer> {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "test/web-server-workers.ts"],
    {
      cwd: root,
      stdio: ["pipe", "pipe", "pipe"],
      env: {
        ...process.env,
        LAG_SAMPLE_SECONDS: String(LAG_SAMPLE_SECONDS),
        REBALANCE_SWEEP_SECONDS: "1",
        CONFORMANCE_CHECK_MINUTES: "0",
      },
    },
  );
  const lines: string[] = [];
  let text = "";
  const holderId = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (data: Buffer) => {
      text += String(data);
      const parts = text.split("\n");
      text = parts.pop() ?? "";
      for (const line of parts) {
        lines.push(line);
        if (line.startsWith("ready ")) resolve(line.slice("ready ".length));
      }
    });
    child.stderr!.on("data", (data: Buffer) => lines.push(String(data)));
    child.once("exit", (code) => reject(new Error(`The server process exited (${code}):\n${lines.join("\n")}`)));
  });
  const server = { child, holderId, lines, output: () => lines.join("\n") };
  servers.push(server);
  return server;
}

const holderOf = async (name: string) => (await listLeases()).find((lease) => lease.name === name)?.holder;
const passesOf = (server: TServer, worker: string) =>
  server.lines.filter((line) => line.startsWith(`pass ${worker} `)).length;

async function joinMember(clientId: string, ofGroup = groupId): Promise<string> {
  const { consumer, memberId } = await startKafkajsMember({ brokers, groupId: ofGroup, topic, clientId });
  consumers.push(consumer);
  return memberId;
}

async function joinsStored(memberId: string, ofGroup = groupId): Promise<number> {
  const { items: rows } = await listRebalances({ clusterId, groupId: ofGroup, skip: 0, take: 100 });
  return rows.filter((row) => row.joined.some((member) => member.memberId === memberId)).length;
}

beforeAll(async () => {
  clusterId = (await ensureDefaultCluster()).id;
  await admin.connect();
  await producer.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 4 }], waitForLeaders: true });
  await producer.send({
    topic,
    messages: Array.from({ length: 20 }, (_, index) => ({ key: `k${index}`, value: "v" })),
  });
});

afterAll(async () => {
  for (const server of servers) server.child.kill("SIGKILL");
  await Promise.allSettled(consumers.map((consumer) => consumer.disconnect()));
  await admin.deleteGroups([groupId, pagedGroupId]).catch(() => undefined);
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await producer.disconnect();
  await admin.disconnect();
  await disconnectAllClusters();
});

describe("two web servers on one database", () => {
  it("store each rebalance and each lag sample once, and the survivor takes the jobs over when the holder dies", async () => {
    const [first, second] = [await startServer(), await startServer()];
    const lagWorker = lagSamplerName(clusterId);
    const jobs = [REBALANCE_SWEEP_WORKER, lagWorker];
    const holders = () => Promise.all(jobs.map(holderOf));
    // Each job is held by one of the two servers.
    await expect
      .poll(async () => (await holders()).every((holder) => holder === first.holderId || holder === second.holderId), {
        timeout: 30_000,
      })
      .toBe(true);

    // Rebalances while both servers run: each member's join is stored once, not once per server.
    const joined = [await joinMember("two-servers-1")];
    for (const clientId of ["two-servers-2", "two-servers-3"]) {
      await expect.poll(() => joinsStored(joined.at(-1)!), { timeout: 30_000 }).toBeGreaterThan(0);
      joined.push(await joinMember(clientId));
    }
    await expect.poll(() => joinsStored(joined.at(-1)!), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect
      .poll(async () => (await findLagSamples(clusterId, groupId)).length, { timeout: 30_000 })
      .toBeGreaterThanOrEqual(5);

    // The server holding the lag sampler dies without a goodbye.
    const holder = (await holderOf(lagWorker)) === first.holderId ? first : second;
    const survivor = holder === first ? second : first;
    holder.child.kill("SIGKILL");
    const killedAt = Date.now();
    await expect.poll(holders, { timeout: 45_000 }).toEqual([survivor.holderId, survivor.holderId]);
    // The survivor sweeps before the next member joins, so that it has seen the group settled.
    const sweepsBefore = passesOf(survivor, REBALANCE_SWEEP_WORKER);
    await expect
      .poll(() => passesOf(survivor, REBALANCE_SWEEP_WORKER), { timeout: 30_000 })
      .toBeGreaterThan(sweepsBefore + 1);
    joined.push(await joinMember("two-servers-4"));
    await expect.poll(() => joinsStored(joined.at(-1)!), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect
      .poll(async () => (await findLagSamples(clusterId, groupId, new Date(killedAt))).length, { timeout: 30_000 })
      .toBeGreaterThanOrEqual(3);

    // Once per rebalance: every join was recorded by exactly one server.
    expect(await Promise.all(joined.map((memberId) => joinsStored(memberId)))).toEqual(joined.map(() => 1));
    // Once per sampling pass: one server samples at a time, a pass every LAG_SAMPLE_SECONDS, each
    // pass's rows stamped with its start. Two servers sampling side by side would put some pair of
    // samples less than half an interval apart.
    const times = (await findLagSamples(clusterId, groupId)).map((sample) => sample.sampledAt);
    const gaps = times.slice(1).map((time, index) => time - times[index]!);
    expect(gaps.filter((gap) => gap < (LAG_SAMPLE_SECONDS * 1_000) / 2)).toEqual([]);
  }, 240_000);

  it("leave a group that a page on a third server watches to that page's watcher, so its rebalances are stored once", async () => {
    // This test process is the third server: its page's watcher holds the group's watch lease.
    const survivor = servers.find((server) => server.child.exitCode === null && server.child.signalCode === null)!;
    const controller = new AbortController();
    const page = callerAs("viewer", { signal: controller.signal });
    let events = 0;
    const watching = (async () => {
      for await (const _event of await page.groups.history.watch({ clusterId, groupId: pagedGroupId })) events += 1;
    })().catch(() => undefined);
    await expect.poll(() => events, { timeout: 20_000 }).toBeGreaterThan(0);

    const joined: string[] = [];
    for (const clientId of ["paged-1", "paged-2", "paged-3"]) {
      joined.push(await joinMember(clientId, pagedGroupId));
      await expect.poll(() => joinsStored(joined.at(-1)!, pagedGroupId), { timeout: 30_000 }).toBeGreaterThan(0);
    }
    // The sweeping server has swept the settled group since: it would have stored the joins by now.
    const sweeps = passesOf(survivor, REBALANCE_SWEEP_WORKER);
    await expect
      .poll(() => passesOf(survivor, REBALANCE_SWEEP_WORKER), { timeout: 30_000 })
      .toBeGreaterThan(sweeps + 2);
    expect(await Promise.all(joined.map((memberId) => joinsStored(memberId, pagedGroupId)))).toEqual([1, 1, 1]);
    controller.abort();
    await watching;
  }, 120_000);
});
