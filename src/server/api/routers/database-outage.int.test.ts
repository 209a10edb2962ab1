import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";
import kafkajs from "kafkajs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { findFreeBasePort } from "../../../../apps/kafka-local/src/ports";
import { env } from "~/env";
import type { Actor } from "~/server/auth/actor";
import { listAuditEvents } from "~/server/db/audit";
import { upsertClusterByName } from "~/server/db/clusters";
import { startEmbeddedPostgres, type TEmbeddedPostgres } from "~/server/db/embedded";
import { applyMigrations } from "~/server/db/migrate";
import { disconnectAllClusters } from "~/server/kafka/client-registry";
import { createSignedInAccount } from "~/server/auth/test-accounts";
import { createContext } from "../context";
import { createCaller } from "../root";

/**
 * PostgreSQL goes away under a running server and comes back. This file runs its own embedded
 * PostgreSQL (so stopping it disturbs no other test) and points the app at it the way tests switch
 * databases: getDb() follows env.DATABASE_URL.
 */
const brokers = inject("kafkaBrokers").split(",");
const kafka = new kafkajs.Kafka({ clientId: "outage-test", brokers, logLevel: kafkajs.logLevel.NOTHING });
const admin = kafka.admin();
const prefix = `int-outage-${Date.now().toString(36)}`;
const topic = `${prefix}-topic`;
const dataDir = path.resolve(".data", "test", `outage-${randomBytes(4).toString("hex")}`);
// A hand-built context: a session read needs the very database this test stops.
const outageAdmin: Actor = { id: "outage-admin", name: "Outage admin", role: "admin" };
const caller = createCaller({ actor: outageAdmin, client: { ip: "192.0.2.1", userAgent: "OutageTest" } });
const mutableEnv = env as { DATABASE_URL?: string };
const sharedDatabaseUrl = env.DATABASE_URL;
let port = 0;
let server: TEmbeddedPostgres | undefined;
let clusterId = "";

const topicExists = async (name: string) => (await admin.listTopics()).includes(name);
const spec = (name: string) => ({ name, partitions: 1, replicationFactor: 1, configs: {} });

beforeAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  // Far from the shared test services' ports; findFreeBasePort checks the port is free.
  port = await findFreeBasePort(1);
  server = await startEmbeddedPostgres({ dataDir, port });
  await applyMigrations(server.databaseUrl);
  mutableEnv.DATABASE_URL = server.databaseUrl;
  clusterId = (await upsertClusterByName(`${prefix}-cluster`, brokers.join(","))).id;
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
}, 180_000);

afterAll(async () => {
  const topics = (await admin.listTopics()).filter((name) => name.startsWith(prefix));
  await admin.deleteTopics({ topics }).catch(() => undefined);
  await admin.disconnect();
  await disconnectAllClusters();
  mutableEnv.DATABASE_URL = sharedDatabaseUrl;
  await server?.stop().catch(() => undefined);
  await rm(dataDir, { recursive: true, force: true });
}, 120_000);

describe("while PostgreSQL is unreachable", () => {
  // First in this file: no call has read the registry yet, as in a server started while PostgreSQL was down.
  it("says the clusters cannot be listed yet when the database has been down since the server started", async () => {
    const deadPort = await findFreeBasePort(1);
    mutableEnv.DATABASE_URL = `postgresql://nobody:secret@127.0.0.1:${deadPort}/tributary`;
    try {
      await expect(caller.clusters.list()).rejects.toThrow(
        "Tributary's database (PostgreSQL) is unreachable, and the clusters are registered there, so none can be listed yet.",
      );
    } finally {
      mutableEnv.DATABASE_URL = server!.databaseUrl;
    }
  });

  it("keeps the Kafka pages working from the cached cluster list, refuses changes and reads of messages with a sentence, and recovers by itself", async () => {
    // Up: the registry is read from PostgreSQL (and remembered).
    const listed = await caller.clusters.list();
    expect(listed.map((cluster) => cluster.id)).toContain(clusterId);
    await caller.topics.describe({ clusterId, name: topic });
    // A browser signed in through better-auth, with and without its signed session copy (5 minutes).
    const { cookie } = await createSignedInAccount("operator");
    const withoutCopy = cookie.split("; ").filter((pair) => !pair.includes("session_data=")).join("; ");
    const asBrowser = (cookies: string) => createCaller(() => createContext({ headers: new Headers({ cookie: cookies }) }));

    await server!.stop();
    server = undefined;

    // The copy keeps the browser signed in; without one, the sign-in cannot be checked, and it says so.
    expect((await asBrowser(cookie).auth.me()).role).toBe("operator");
    await expect(asBrowser(withoutCopy).auth.me()).rejects.toThrow(
      "Tributary's database (PostgreSQL) is unreachable, so your sign-in cannot be checked.",
    );

    // Kafka-only answers keep coming, from the cached registry.
    expect((await caller.clusters.list()).map((cluster) => cluster.id)).toEqual(listed.map((cluster) => cluster.id));
    expect((await caller.topics.describe({ clusterId, name: topic })).partitions).toHaveLength(1);

    // A change is refused before Kafka is asked to make it.
    const refused = `${prefix}-refused`;
    await expect(caller.topics.create({ clusterId, spec: spec(refused) })).rejects.toThrow(
      `Tributary could not write the audit record, so the change was not made: the database at 127.0.0.1:${port} is unreachable.`,
    );
    expect(await topicExists(refused)).toBe(false);

    // Message data is shown only when its read can be logged.
    await expect(
      caller.messages.browse({
        clusterId,
        topic,
        partition: 0,
        start: { kind: "earliest" },
        order: "oldest-first",
        limit: 1,
      }),
    ).rejects.toThrow("Tributary could not write the audit record, so the messages were not read");

    // What lives in PostgreSQL says so.
    await expect(caller.groups.history.rebalances({ clusterId, groupId: `${prefix}-group` })).rejects.toThrow(
      "Tributary's database (PostgreSQL) is unreachable.",
    );

    // Back, on the same port and data: no restart of Tributary.
    server = await startEmbeddedPostgres({ dataDir, port });
    const created = `${prefix}-after`;
    await caller.topics.create({ clusterId, spec: spec(created) });
    expect(await topicExists(created)).toBe(true);
    const [row] = await listAuditEvents({ clusterId, action: "topic.create", take: 1 });
    expect(row).toMatchObject({ target: created, outcome: "ok", ip: "192.0.2.1" });
    expect((await caller.clusters.list()).map((cluster) => cluster.id)).toContain(clusterId);
  });
});
