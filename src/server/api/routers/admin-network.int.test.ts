import net from "node:net";
import { TRPCError } from "@trpc/server";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { deleteClusterRecord, upsertClusterByName } from "~/server/db/clusters";
import { disconnectAllClusters } from "~/server/kafka/client-registry";
import { spawnDemoMember } from "~/server/kafka/playground/demo-member-process";
import { actorAs, callerAs } from "../../../../test/caller-as";
import { FAKE_TOPIC, startFakeBroker, type TFakeBroker } from "../../../../test/fake-kafka-broker";

const admin = callerAs("admin");
const viewer = callerAs("viewer");
const clusterIds: string[] = [];
const fakes: TFakeBroker[] = [];

/** A cluster registered at these bootstrap servers, as an admin would add it. */
async function clusterAt(bootstrapServers: string): Promise<string> {
  const cluster = await upsertClusterByName(`policy-${Date.now().toString(36)}-${clusterIds.length}`, bootstrapServers);
  clusterIds.push(cluster.id);
  return cluster.id;
}

async function fakeBroker(host: string, advertised?: () => { host: string; port: number }): Promise<TFakeBroker> {
  const fake = await startFakeBroker(host, () => advertised?.() ?? { host: fake.host, port: fake.port });
  fakes.push(fake);
  return fake;
}

/** The sentence a call was refused with (a call that succeeds fails the test). */
async function refusal(call: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await call.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

// Every test starts from empty lists; setting them also drops the clients connected under the last ones.
afterEach(async () => {
  await admin.admin.network.set({ allow: [], deny: [] });
});

afterAll(async () => {
  await disconnectAllClusters();
  await Promise.all(clusterIds.map((id) => deleteClusterRecord(id)));
  await Promise.all(fakes.map((fake) => fake.close()));
});

describe("the address policy on every socket", () => {
  it("refuses 169.254.169.254:80 with its sentence, and never connects a socket to it", async () => {
    const clusterId = await clusterAt("169.254.169.254:80");
    const connect = vi.spyOn(net.Socket.prototype, "connect");
    try {
      expect(await refusal(viewer.topics.names({ clusterId }))).toEqual({
        code: "FORBIDDEN",
        message: "169.254.169.254 is a cloud metadata address; Tributary never connects to it.",
      });
      const toMetadata = connect.mock.calls.filter(([options]) => JSON.stringify(options).includes("169.254.169.254"));
      expect(toMetadata).toEqual([]);
    } finally {
      connect.mockRestore();
    }
  });

  it("refuses an address in a range an admin denied: the broker listening there is never connected to", async () => {
    const broker = await fakeBroker("127.0.0.2");
    const clusterId = await clusterAt(broker.address);
    await admin.admin.network.set({ allow: [], deny: ["127.0.0.2/32"] });
    expect(await refusal(viewer.topics.names({ clusterId }))).toEqual({
      code: "FORBIDDEN",
      message: "127.0.0.2 is in 127.0.0.2/32, on the address policy's deny list.",
    });
    expect(broker.connections).toBe(0);

    // Lifted, the same broker answers: it was listening all along.
    await admin.admin.network.set({ allow: [], deny: [] });
    expect(await viewer.topics.names({ clusterId })).toEqual([FAKE_TOPIC]);
    expect(broker.connections).toBeGreaterThan(0);
  });

  it("refuses a name that resolves to a denied address, and drops connections made before the rule", async () => {
    const broker = await fakeBroker("127.0.0.1");
    const clusterId = await clusterAt(`localhost:${broker.port}`);
    expect(await viewer.topics.names({ clusterId })).toEqual([FAKE_TOPIC]);
    const connectionsBefore = broker.connections;

    await admin.admin.network.set({ allow: [], deny: ["127.0.0.1/32"] });
    expect(await refusal(viewer.topics.names({ clusterId }))).toEqual({
      code: "FORBIDDEN",
      message: "localhost resolves to 127.0.0.1, which is in 127.0.0.1/32, on the address policy's deny list.",
    });
    expect(broker.connections).toBe(connectionsBefore);
  });

  it("refuses a broker that Metadata advertises at a denied address, before any connection to it", async () => {
    const denied = await fakeBroker("127.0.0.3");
    const seed = await fakeBroker("127.0.0.1", () => ({ host: denied.host, port: denied.port }));
    const clusterId = await clusterAt(seed.address);
    await admin.admin.network.set({ allow: [], deny: ["127.0.0.3/32"] });

    // Listing topics reads each partition's offsets from its leader: the advertised broker.
    expect(await refusal(viewer.topics.list({ clusterId }))).toEqual({
      code: "FORBIDDEN",
      message: "127.0.0.3 is in 127.0.0.3/32, on the address policy's deny list.",
    });
    expect(seed.connections).toBeGreaterThan(0);
    expect(denied.connections).toBe(0);
  });
});

describe("the connection test before a cluster is saved", () => {
  it("ends with the policy's sentence for an address it refuses", async () => {
    const settings = { name: "metadata", bootstrapServers: "169.254.169.254:80" };
    expect(await admin.clusters.test({ settings })).toEqual({
      ok: false,
      message: "169.254.169.254 is a cloud metadata address; Tributary never connects to it.",
      hint: expect.stringMatching(/address policy on the Network page/) as unknown,
    });
  });
});

describe("the address policy in a playground member's own process", () => {
  it("refuses the member's sockets to a denied range, and the member ends with the sentence", async () => {
    const broker = await fakeBroker("127.0.0.2");
    await admin.admin.network.set({ allow: [], deny: ["127.0.0.2/32"] });
    const reports: string[] = [];
    const member = spawnDemoMember(
      { id: "policy-playground", bootstrapServers: broker.address },
      {
        clientId: "policy-member",
        groupId: "policy-group",
        topic: FAKE_TOPIC,
        sessionTimeoutMs: 6_000,
        processingDelayMs: 0,
      },
      {
        onReport: (report) => reports.push(report.type === "crashed" ? report.message : report.type),
        onExit: () => undefined,
      },
    );
    await member.exited;
    expect(reports).toContain("127.0.0.2 is in 127.0.0.2/32, on the address policy's deny list.");
    expect(broker.connections).toBe(0);
  });
});

describe("admin.network", () => {
  it("keeps the lists as written, and records who changed them in the audit log", async () => {
    await admin.admin.network.set({ allow: [" 10.0.0.0/8", "*.kafka.example", "10.0.0.0/8"], deny: ["10.9.0.0/16"] });
    expect(await admin.admin.network.get()).toEqual({
      allow: ["10.0.0.0/8", "*.kafka.example"],
      deny: ["10.9.0.0/16"],
    });
    const { rows } = await admin.admin.audit.list({ filter: { action: "network.set-address-policy" }, limit: 1 });
    expect(rows[0]).toMatchObject({
      actor: (await actorAs("admin")).id,
      outcome: "ok",
      details: { after: { allow: ["10.0.0.0/8", "*.kafka.example"], deny: ["10.9.0.0/16"] } },
    });
  });

  it("refuses an entry that is no rule with a sentence for that entry, and keeps the lists it had", async () => {
    await admin.admin.network.set({ allow: [], deny: ["10.0.0.0/8"] });
    const error = await admin.admin.network.set({ allow: [], deny: ["10.0.0.1/8"] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    expect(JSON.stringify((error as TRPCError).cause)).toContain(
      "10.0.0.1/8 has bits set past its prefix; did you mean 10.0.0.0/8?",
    );
    expect(await admin.admin.network.get()).toEqual({ allow: [], deny: ["10.0.0.0/8"] });
  });
});
