import net from "node:net";
import kafkajs from "kafkajs";
import { afterAll, describe, expect, inject, it, vi } from "vitest";
import { replaceAddressPolicy } from "./address-policy-state";
import { policedSocketFactory } from "./policed-socket";

const secured = inject("kafkaSecured");
const tlsPort = secured.tlsBrokers.split(":").at(-1)!;

/** A client of the TLS listener at `host`, trusting only the local CA, through the policed factory. */
async function listTopicsOverTls(host: string): Promise<string[]> {
  const kafka = new kafkajs.Kafka({
    clientId: "policy-tls",
    brokers: [`${host}:${tlsPort}`],
    ssl: { ca: [secured.caPem] },
    socketFactory: policedSocketFactory(),
    connectionTimeout: 3_000,
    retry: { retries: 0 },
    logLevel: kafkajs.logLevel.NOTHING,
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    return await admin.listTopics();
  } finally {
    await admin.disconnect();
  }
}

afterAll(() => replaceAddressPolicy({ allow: [], deny: [] }));

describe("TLS through the policed socket", () => {
  it("connects to a name over TLS, the broker's certificate checked against that name by the local CA", async () => {
    replaceAddressPolicy({ allow: ["127.0.0.1/32"], deny: [] });
    expect(Array.isArray(await listTopicsOverTls("localhost"))).toBe(true);
  });

  it("checks the certificate against the name given, not the address it resolved to", async () => {
    // "vm" resolves to 127.0.0.1 (/etc/hosts), which the certificate names; "vm" it does not.
    replaceAddressPolicy({ allow: [], deny: [] });
    await expect(listTopicsOverTls("vm")).rejects.toThrow(/Host: vm\. is not in the cert's altnames/);
  });

  it("refuses a denied address before any socket connects, let alone a handshake", async () => {
    replaceAddressPolicy({ allow: [], deny: ["127.0.0.1/32"] });
    const connect = vi.spyOn(net.Socket.prototype, "connect");
    try {
      await expect(listTopicsOverTls("localhost")).rejects.toThrow(
        "localhost resolves to 127.0.0.1, which is in 127.0.0.1/32, on the address policy's deny list.",
      );
      expect(connect).not.toHaveBeenCalled();
    } finally {
      connect.mockRestore();
    }
  });
});
