import type { Page } from "@playwright/test";
import kafkajs, { type Admin, type Consumer, type Producer } from "kafkajs";
import type { TKafkaSecured } from "../test/services";
import { storageStatePath, type TE2eRole } from "./paths";

/** The test Kafka's address, as `npm test` passed it to the app. */
export function testBrokers(): string {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers) throw new Error("KAFKA_BROKERS is not set; run the e2e tests through `npm test`.");
  return brokers;
}

/** The test Kafka's SCRAM and TLS listeners (the same broker as testBrokers()), as `npm test` passed them. */
export function testKafkaSecured(): TKafkaSecured {
  const json = process.env.TRIBUTARY_TEST_KAFKA_SECURED;
  if (!json) throw new Error("TRIBUTARY_TEST_KAFKA_SECURED is not set; run the e2e tests through `npm test`.");
  return JSON.parse(json) as TKafkaSecured;
}

/** The folder of the test Kafka, so a spec can stop and restart its broker. */
export function testKafkaDir(): string {
  const dir = process.env.TRIBUTARY_TEST_KAFKA_DIR;
  if (!dir) throw new Error("TRIBUTARY_TEST_KAFKA_DIR is not set; run the e2e tests through `npm test`.");
  return dir;
}

/** A kafkajs admin acting as "another tool" that changes the cluster behind Tributary's back. */
export async function withOutsideAdmin<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
  const kafka = new kafkajs.Kafka({
    clientId: "e2e-outside-tool",
    brokers: testBrokers().split(","),
    logLevel: kafkajs.logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}

/** The id of the cluster the app registered for the test brokers (the one Tributary shows). */
export async function clusterIdFor(page: Page): Promise<string> {
  const response = await page.request.get("/api/trpc/clusters.list");
  const body = (await response.json()) as { result: { data: { json: { id: string; bootstrapServers: string }[] } } };
  const clusters = body.result.data.json;
  const cluster = clusters.find((c) => c.bootstrapServers === testBrokers()) ?? clusters[0];
  if (!cluster) throw new Error("No cluster is registered.");
  return cluster.id;
}

/**
 * A kafkajs producer acting as "another application" writing to the test Kafka, with Kafka's
 * default (murmur2) partitioner, so keyed records land where a Java client would put them.
 */
export async function withOutsideProducer<T>(work: (producer: Producer) => Promise<T>): Promise<T> {
  const kafka = new kafkajs.Kafka({
    clientId: "e2e-outside-producer",
    brokers: testBrokers().split(","),
    logLevel: kafkajs.logLevel.NOTHING,
  });
  const producer = kafka.producer({ createPartitioner: kafkajs.Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    return await work(producer);
  } finally {
    await producer.disconnect();
  }
}

/**
 * A consumer-group member started by "another application": it reads but never commits (so the
 * lag a test set up stays put) and resolves once it has joined. Short fetch waits, because kafkajs
 * heartbeats — and so learns of a rebalance — only between fetches. Disconnect it when done.
 */
export async function startOutsideMember(
  groupId: string,
  topic: string,
  clientId = "e2e-group-member",
): Promise<Consumer> {
  const kafka = new kafkajs.Kafka({ clientId, brokers: testBrokers().split(","), logLevel: kafkajs.logLevel.NOTHING });
  const consumer = kafka.consumer({
    groupId,
    sessionTimeout: 10_000,
    heartbeatInterval: 300,
    rebalanceTimeout: 10_000,
    maxWaitTimeInMs: 500,
  });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.connect();
  await consumer.subscribe({ topic });
  await consumer.run({ autoCommit: false, eachMessage: async () => undefined });
  await joined;
  return consumer;
}

/**
 * Signs a spec (or a describe block) in as one role, in one line: `test.use(signedInAs("viewer"))`.
 * Specs run as the admin by default (playwright.config.ts); the accounts exist once per run
 * (e2e/accounts.setup.ts).
 */
export function signedInAs(role: TE2eRole): { storageState: string } {
  return { storageState: storageStatePath(role) };
}

/**
 * Sends one tRPC mutation as the page's signed-in account, as the browser would (JSON, same origin,
 * with the header Tributary's own pages send and the request guard requires for every change).
 */
export async function trpcMutation(page: Page, path: string, input: unknown) {
  return page.request.post(`/api/trpc/${path}`, {
    data: { json: input },
    headers: { "x-tributary-request": "1" },
  });
}
