import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, hasRole, type Role } from "~/server/auth/permissions";
import { deleteClusterRecord, setClusterReadOnly, upsertClusterByName } from "~/server/db/clusters";
import { serverAllowedHosts } from "./allowed-hosts";
import { GET as exportMessages } from "~/app/api/clusters/[clusterId]/topics/[topic]/messages/export/route";
import { GET as tailMessages } from "~/app/api/clusters/[clusterId]/topics/[topic]/messages/tail/route";
import { callerAs, contextAs, signedInAs } from "../../../test/caller-as";
import { appRouter, createCaller } from "./root";

/**
 * The role each procedure needs. A procedure missing here, or declaring another role, fails the
 * test: adding a procedure means deciding who may call it.
 */
const EXPECTED: Record<string, Role> = {
  "clusters.list": "viewer",
  "clusters.health": "viewer",
  "clusters.setReadOnly": "admin",
  "clusters.test": "admin",
  "clusters.add": "admin",
  "clusters.update": "admin",
  "clusters.remove": "admin",
  "topics.list": "viewer",
  "topics.names": "viewer",
  "topics.describe": "viewer",
  "topics.throughput": "viewer",
  "topics.lastMinuteRates": "viewer",
  "topics.keySample": "viewer",
  "topics.partitionTimestamps": "viewer",
  "topics.create": "admin",
  "topics.alterConfigs": "admin",
  "topics.addPartitions": "admin",
  "topics.delete": "admin",
  "messages.browse": "viewer",
  "messages.get": "viewer",
  "messages.search": "viewer",
  "messages.produce": "operator",
  "groups.list": "viewer",
  "groups.describe": "viewer",
  "groups.watch": "viewer",
  "groups.delete": "operator",
  "groups.offsets.guard": "viewer",
  "groups.offsets.previewReset": "viewer",
  "groups.offsets.reset": "operator",
  "groups.offsets.deleteTopicOffsets": "operator",
  "groups.history.rebalances": "viewer",
  "groups.history.watch": "viewer",
  "groups.history.lag": "viewer",
  "playground.list": "viewer",
  "playground.watch": "viewer",
  "playground.start": "operator",
  "playground.addMember": "operator",
  "playground.removeMember": "operator",
  "playground.killMember": "operator",
  "playground.stopAll": "operator",
  "auth.me": "viewer",
  "admin.users.list": "admin",
  "admin.users.invite": "admin",
  "admin.users.invites": "admin",
  "admin.users.revokeInvite": "admin",
  "admin.users.setRole": "admin",
  "admin.users.setDisabled": "admin",
  "admin.audit.list": "admin",
  "admin.audit.export": "admin",
  "admin.network.get": "admin",
  "admin.network.set": "admin",
  "definitions.list": "viewer",
  "definitions.get": "viewer",
  "definitions.save": "operator",
  "definitions.remove": "operator",
  "definitions.checkSchema": "viewer",
  "definitions.addSchemaVersion": "operator",
  "definitions.importDrafts": "viewer",
  "definitions.importTopics": "operator",
  "definitions.drift": "viewer",
  "definitions.plan": "viewer",
  "definitions.applyPlan": "admin",
  "definitions.checkConformance": "viewer",
  "definitions.exportYaml": "viewer",
  "definitions.importYaml": "operator",
  "pipelines.list": "viewer",
  "pipelines.get": "viewer",
  "pipelines.facts": "viewer",
  "pipelines.create": "operator",
  "pipelines.save": "operator",
  "pipelines.setStatus": "operator",
  "pipelines.remove": "operator",
  "pipelines.revisions": "viewer",
  "pipelines.revision": "viewer",
  "pipelines.restore": "operator",
  "pipelines.exportYaml": "viewer",
  "pipelines.importYaml": "operator",
  "pipelines.dryRun": "viewer",
  "pipelines.compareRevisions": "viewer",
  "pipelines.previewExpression": "viewer",
  "pipelines.models": "viewer",
  "pipelines.removeModel": "operator",
  "runtime.plan": "viewer",
  "runtime.deploy": "operator",
  "runtime.stop": "operator",
  "runtime.resume": "operator",
  "runtime.status": "viewer",
  "runtime.watch": "viewer",
  "runtime.history": "viewer",
  "runtime.deadLetters": "viewer",
  "runtime.replayDeadLetters": "operator",
  "runtime.runners": "viewer",
  "workers.list": "viewer",
};

type TProcedureDef = { _def: { meta?: { permission?: Role }; type: "query" | "mutation" | "subscription" } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, TProcedureDef>);
type TCaller = ReturnType<typeof createCaller>;
type TCallable = (input: unknown) => Promise<unknown>;

function callableAt(caller: TCaller, path: string): TCallable {
  let target: unknown = caller;
  for (const part of path.split(".")) target = (target as Record<string, unknown>)[part];
  return target as TCallable;
}

/** The tRPC code a call ends with, or "passed" when the permission check let it through. */
async function outcome(caller: TCaller, path: string, input: unknown): Promise<string> {
  try {
    const result = await callableAt(caller, path)(input);
    // A subscription the middleware let through: close it before it asks anything.
    if (result && typeof (result as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function") {
      await (result as AsyncGenerator<unknown>).return?.(undefined);
    }
    return "passed";
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return error.code === "UNAUTHORIZED" || error.code === "FORBIDDEN" ? `${error.code}: ${error.message}` : "passed";
  }
}

describe("every procedure declares the role the issue's role map gives it", () => {
  it("lists exactly the router's procedures", () => {
    expect(procedures.map(([path]) => path).sort()).toEqual(Object.keys(EXPECTED).sort());
  });
  it.each(procedures)("%s declares its role", (path, procedure) => {
    expect(procedure._def.meta?.permission).toBe(EXPECTED[path]);
  });
});

describe.each(["anonymous", ...ROLES] as const)("as %s", (who) => {
  const controller = new AbortController();
  const caller = callerAs(who, { signal: controller.signal });
  afterAll(() => controller.abort());

  // `{}` fails every input schema, and the permission check runs before input parsing, so a call
  // the role may make ends in BAD_REQUEST (or, without input, runs on PostgreSQL only) — never in Kafka.
  it.each(procedures)("%s is allowed or refused with a sentence", async (path) => {
    const required = EXPECTED[path]!;
    const result = await outcome(caller, path, {});
    if (who === "anonymous") expect(result).toBe("UNAUTHORIZED: Sign in to use Tributary.");
    else if (!hasRole(who, required)) {
      expect(result).toBe(`FORBIDDEN: Needs the ${required} role — you are ${who === "viewer" ? "a" : "an"} ${who}.`);
    } else expect(result).toBe("passed");
  });

  // The plain routes (the export download, the live tail) take the same check as the procedures.
  it.each([
    ["export", exportMessages, "messages/export?format=jsonl"],
    ["live tail", tailMessages, "messages/tail"],
  ] as const)("the message %s route applies the same check", async (_name, route, path) => {
    const { cookie } = who === "anonymous" ? { cookie: "" } : await signedInAs(who);
    // As the browser sends it: addressed to an allowed host, from Tributary's own page.
    const host = serverAllowedHosts()[0]!;
    const request = new Request(`http://${host}/api/clusters/no-such-cluster/topics/t/${path}`, {
      headers: { host, "sec-fetch-site": "same-origin", ...(cookie ? { cookie } : {}) },
    });
    const response = await route(request, { params: Promise.resolve({ clusterId: "no-such-cluster", topic: "t" }) });
    if (who === "anonymous") {
      expect(response.status).toBe(401);
      expect(await response.text()).toContain("Sign in to use Tributary.");
    } else {
      // Past the check: the unknown cluster is the next thing it says.
      expect(response.status).toBe(404);
    }
  });
});

describe("a read-only cluster", () => {
  let clusterId = "";
  beforeAll(async () => {
    // Nothing listens on port 1: a change that reached Kafka would fail as "unreachable", not as read-only.
    const cluster = await upsertClusterByName(`read-only-${Date.now()}`, "127.0.0.1:1");
    clusterId = cluster.id;
    await setClusterReadOnly(clusterId, true);
  });
  afterAll(async () => {
    await deleteClusterRecord(clusterId);
  });

  const group = { groupId: "role-matrix-group" };
  const definition = { topicName: "t1", layer: "raw", owner: "team", partitions: 1, replicationFactor: 1 };
  const pipeline = (id: string) => ({ clusterId: id, pipelineId: "role-matrix-pipeline" });
  const changes: [string, (clusterId: string) => unknown][] = [
    [
      "topics.create",
      (id) => ({ clusterId: id, spec: { name: "t1", partitions: 1, replicationFactor: 1, configs: {} } }),
    ],
    ["topics.alterConfigs", (id) => ({ clusterId: id, name: "t1", changes: { "retention.ms": "1000" } })],
    ["topics.addPartitions", (id) => ({ clusterId: id, name: "t1", count: 2 })],
    ["topics.delete", (id) => ({ clusterId: id, name: "t1", confirmation: "t1" })],
    [
      "messages.produce",
      (id) => ({ clusterId: id, topic: "t1", key: null, value: null, headers: [], partition: "key" }),
    ],
    ["groups.delete", (id) => ({ clusterId: id, ...group, confirmation: group.groupId })],
    ["groups.offsets.reset", (id) => ({ clusterId: id, ...group, topic: "t1", strategy: { kind: "earliest" } })],
    ["groups.offsets.deleteTopicOffsets", (id) => ({ clusterId: id, ...group, topic: "t1" })],
    [
      "playground.start",
      (id) => ({
        clusterId: id,
        ...group,
        topic: "t1",
        memberCount: 1,
        sessionTimeoutMs: 10_000,
        processingDelayMs: 0,
      }),
    ],
    ["playground.addMember", (id) => ({ clusterId: id, ...group })],
    ["playground.removeMember", (id) => ({ clusterId: id, ...group, memberNumber: 1 })],
    ["playground.killMember", (id) => ({ clusterId: id, ...group, memberNumber: 1 })],
    ["playground.stopAll", (id) => ({ clusterId: id, ...group })],
    ["definitions.save", (id) => ({ clusterId: id, definition })],
    ["definitions.remove", (id) => ({ clusterId: id, topicName: "t1" })],
    ["definitions.addSchemaVersion", (id) => ({ clusterId: id, topicName: "t1", format: "json", text: "{}" })],
    ["definitions.importTopics", (id) => ({ clusterId: id, drafts: [{ definition, schemaText: null }] })],
    ["definitions.importYaml", (id) => ({ clusterId: id, yaml: "definitions: []" })],
    ["definitions.applyPlan", (id) => ({ clusterId: id, topicNames: ["t1"] })],
    ["pipelines.create", (id) => ({ clusterId: id, name: "p1" })],
    [
      "pipelines.save",
      (id) => ({ ...pipeline(id), baseVersion: 1, document: { name: "p1", nodes: [], edges: [] }, cause: "save" }),
    ],
    ["pipelines.setStatus", (id) => ({ ...pipeline(id), baseVersion: 1, status: "ready" })],
    ["pipelines.remove", (id) => pipeline(id)],
    ["pipelines.restore", (id) => ({ ...pipeline(id), revision: 1, baseVersion: 1 })],
    ["pipelines.importYaml", (id) => ({ clusterId: id, yaml: "name: p1" })],
    ["runtime.deploy", (id) => ({ ...pipeline(id), revision: 1 })],
    ["runtime.stop", (id) => pipeline(id)],
    ["runtime.resume", (id) => pipeline(id)],
    ["runtime.replayDeadLetters", (id) => ({ ...pipeline(id), nodeId: "clean-1" })],
  ];
  /**
   * Mutations only because they write an audit row or a stored result, or because their input is
   * long; they read (the dry runs write nothing to Kafka), so read-only clusters allow them.
   */
  const readsAsMutations = [
    "definitions.importDrafts",
    "definitions.checkConformance",
    "pipelines.dryRun",
    "pipelines.compareRevisions",
    "pipelines.previewExpression",
  ];
  /** Uploaded models belong to no cluster. */
  const notOnACluster = ["pipelines.removeModel"];

  /** Changes that stream their progress: subscriptions, refused on their first event. */
  const streamedChanges = ["definitions.applyPlan", "runtime.deploy"];

  it("covers every mutation on a cluster", () => {
    const onClusters = procedures
      .filter(([path, procedure]) => procedure._def.type === "mutation" || streamedChanges.includes(path))
      .filter(([path]) => !/^(admin|clusters)\./.test(path))
      .filter(([path]) => !readsAsMutations.includes(path) && !notOnACluster.includes(path))
      .map(([path]) => path);
    expect(changes.map(([path]) => path).sort()).toEqual(onClusters.sort());
  });

  /** A mutation's result, or a subscription's events up to its end (or its refusal). */
  async function callToTheEnd(caller: TCaller, path: string, input: unknown): Promise<unknown> {
    const result = await callableAt(caller, path)(input);
    if (!result || typeof (result as AsyncIterable<unknown>)[Symbol.asyncIterator] !== "function") return result;
    const events: unknown[] = [];
    for await (const event of result as AsyncIterable<unknown>) events.push(event);
    return events;
  }

  it.each(changes)("refuses %s, even for an admin, before Kafka is asked", async (path, input) => {
    const caller = createCaller(() => contextAs("admin"));
    await expect(callToTheEnd(caller, path, input(clusterId))).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/is read-only in Tributary/),
    });
  });

  it("still serves reads, the definitions' message samples too", async () => {
    const caller = createCaller(() => contextAs("viewer"));
    // Past the read-only check to the next thing it says (before Kafka is asked).
    await expect(
      caller.definitions.checkConformance({ clusterId, topicName: "t1", perPartition: 1 }),
    ).rejects.toMatchObject({
      message: "There is no definition for t1.",
    });
    const clusters = await callerAs("viewer").clusters.list();
    expect(clusters.find((cluster) => cluster.id === clusterId)?.isReadOnly).toBe(true);
  });
});
