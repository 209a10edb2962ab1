import kafkajs, { type KafkaConfig, type SASLOptions } from "kafkajs";
import { describe, expect, inject, it } from "vitest";

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
