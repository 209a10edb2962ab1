import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import kafkajs, { type KafkaConfig, type SASLOptions } from "kafkajs";
import { describe, expect, inject, it } from "vitest";
import { startKafka } from "./cluster";
import { findFreeBasePort, isPortFree } from "./ports";

const secured = inject("kafkaSecured");

/** Connects an admin, lists topics and disconnects; resolves to the topic names or rejects with the client's error. */
async function listTopics(config: Omit<KafkaConfig, "clientId" | "logLevel">): Promise<string[]> {
  const kafka = new kafkajs.Kafka({
    ...config,
    clientId: "kafka-local-secured-test",
    logLevel: kafkajs.logLevel.NOTHING,
    connectionTimeout: 5_000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    return await admin.listTopics();
  } finally {
    await admin.disconnect();
  }
}

const scram = (mechanism: "scram-sha-256" | "scram-sha-512", password = secured.scramPassword) => ({
  brokers: secured.scramBrokers.split(","),
  // kafkajs types each mechanism separately; a union of two is still one of them.
  sasl: { mechanism, username: secured.scramUsername, password } as SASLOptions,
});

describe("the local Kafka's secured listeners", () => {
  it.each(["scram-sha-256", "scram-sha-512"] as const)("let the SCRAM user in with %s", async (mechanism) => {
    await expect(listTopics(scram(mechanism))).resolves.toEqual(expect.any(Array));
  });

  it("refuse a wrong SCRAM password", async () => {
    await expect(listTopics(scram("scram-sha-512", `${secured.scramPassword}-wrong`))).rejects.toMatchObject({
      name: "KafkaJSSASLAuthenticationError",
      message: expect.stringMatching(/Authentication failed/i),
    });
  });

  it("serve TLS to a client that trusts the data dir's CA, by IP address and by host name", async () => {
    const [first] = secured.tlsBrokers.split(",");
    const byName = first!.replace("127.0.0.1", "localhost");
    await expect(listTopics({ brokers: [first!], ssl: { ca: [secured.caPem] } })).resolves.toEqual(expect.any(Array));
    await expect(listTopics({ brokers: [byName], ssl: { ca: [secured.caPem] } })).resolves.toEqual(expect.any(Array));
  });

  it("fail the TLS handshake of a client that does not trust the CA", async () => {
    await expect(listTopics({ brokers: secured.tlsBrokers.split(","), ssl: true })).rejects.toMatchObject({
      message: expect.stringMatching(/self[- ]signed certificate in certificate chain/i),
    });
  });

  it("leave the plain listener as it was", async () => {
    await expect(listTopics({ brokers: inject("kafkaBrokers").split(",") })).resolves.toEqual(expect.any(Array));
  });
});

describe("a data dir started once with the secured listeners", () => {
  it("keeps them, its CA and its SCRAM user on a restart that does not ask, and drops them with secured: false", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "kafka-local-secured-"));
    const basePort = await findFreeBasePort(1, { secured: true });
    try {
      const first = await startKafka({ dataDir, basePort, secured: true });
      const firstSecured = first.secured!;
      await first.stop();

      const restarted = await startKafka({ dataDir, basePort });
      try {
        expect(restarted.secured?.caPem).toBe(firstSecured.caPem);
        expect(restarted.secured?.scramUser).toEqual(firstSecured.scramUser);
        const { username, password } = firstSecured.scramUser;
        const sasl = { mechanism: "scram-sha-256", username, password } as const;
        await expect(listTopics({ brokers: [firstSecured.scramBootstrapServers], sasl })).resolves.toEqual([]);
        const ssl = { ca: [firstSecured.caPem] };
        await expect(listTopics({ brokers: [firstSecured.tlsBootstrapServers], ssl })).resolves.toEqual([]);
      } finally {
        await restarted.stop();
      }

      const plain = await startKafka({ dataDir, basePort, secured: false });
      try {
        expect(plain.secured).toBeUndefined();
        expect(await isPortFree(Number(firstSecured.scramBootstrapServers.split(":")[1]))).toBe(true);
        await expect(listTopics({ brokers: [plain.bootstrapServers] })).resolves.toEqual([]);
      } finally {
        await plain.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
