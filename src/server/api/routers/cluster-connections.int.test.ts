import { generateKeyPairSync, randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { TClusterSettingsInput } from "~/domain/cluster-settings";
import { disconnectAllClusters } from "~/server/kafka/client-registry";
import { getCluster } from "~/server/services/clusters/registered-clusters";
import { parseSecretKey } from "~/server/services/secrets/secret-box";
import { rotateClusterSecrets } from "~/server/services/secrets/rotate-secrets";
import { requireSecretKey } from "~/server/services/secrets/secret-key";
import { signCertificate } from "../../../../apps/kafka-local/src/x509";
import { callerAs } from "../../../../test/caller-as";

const admin = callerAs("admin");
const plainBrokers = inject("kafkaBrokers");
const secured = inject("kafkaSecured");
const run = Date.now().toString(36);
const topic = `int-secure-${run}`;
const wrongPassword = `canary-wrong-${randomUUID()}`;

/** A client certificate and key that the TLS cluster stores (the broker asks for none): the key is a canary too. */
function clientCertificate() {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const now = Date.now();
  const party = { commonName: "tributary-test-client", publicKey };
  const certificatePem = signCertificate({
    subject: party,
    issuer: { ...party, privateKey },
    isCa: false,
    notBefore: new Date(now - 60_000),
    notAfter: new Date(now + 86_400_000),
  });
  return { certificatePem, keyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString() };
}
const client = clientCertificate();
/** Another CA's certificate: a TLS cluster that trusts it must refuse the broker. */
const otherCa = (() => {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const party = { commonName: "Some other CA", publicKey };
  const now = Date.now();
  const notAfter = new Date(now + 86_400_000);
  return signCertificate({
    subject: party,
    issuer: { ...party, privateKey },
    isCa: true,
    notBefore: new Date(now - 60_000),
    notAfter,
  });
})();
const keyBody = client.keyPem.split("\n")[1]!;
const canaries = [secured.scramPassword, wrongPassword, keyBody];

const scram = (password = secured.scramPassword): TClusterSettingsInput => ({
  name: `int-scram-${run}`,
  bootstrapServers: secured.scramBrokers,
  label: "production",
  colour: "red",
  sasl: {
    mechanism: secured.scramMechanism.toUpperCase() as "SCRAM-SHA-512",
    username: secured.scramUsername,
    password,
  },
});
/** The SCRAM settings with the password left out: the stored one is used. */
const storedPassword = (): TClusterSettingsInput => ({ ...scram(), sasl: { ...scram().sasl!, password: undefined } });
const tls = (caPem = secured.caPem): TClusterSettingsInput => ({
  name: `int-tls-${run}`,
  bootstrapServers: secured.tlsBrokers,
  label: "staging",
  colour: "yellow",
  tls: { caPem, clientCertificatePem: client.certificatePem, clientKeyPem: client.keyPem },
});

/** Everything the server printed while this file ran: no canary may appear in it. */
let printed = "";
const outputs: unknown[] = [];
const ids: Record<"scram" | "tls", string> = { scram: "", tls: "" };
let httpServer: http.Server;

beforeAll(async () => {
  const keep = (...args: unknown[]) => {
    printed += `${args.map((arg) => (arg instanceof Error ? `${arg.message}\n${arg.stack}` : String(arg))).join(" ")}\n`;
  };
  for (const method of ["log", "info", "warn", "error", "debug"] as const)
    vi.spyOn(console, method).mockImplementation(keep);
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    vi.spyOn(stream, "write").mockImplementation(((chunk: unknown, ...rest: never[]) => {
      printed += String(chunk);
      return write(chunk as string, ...rest);
    }) as typeof stream.write);
  }
  // Proves the capture works: the check at the end looks at real output, not at nothing.
  console.warn("log capture is on");
  httpServer = http.createServer((_request, response) => response.end("not kafka"));
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
});

afterAll(async () => {
  vi.restoreAllMocks();
  httpServer.close();
  for (const clusterId of Object.values(ids).filter(Boolean)) {
    const cluster = await getCluster(clusterId).catch(() => null);
    if (cluster) await admin.clusters.remove({ clusterId, confirmation: cluster.name });
  }
  await disconnectAllClusters();
});

/** Calls a cluster procedure and keeps its output for the "never returns a secret" check. */
async function kept<T>(output: Promise<T>): Promise<T> {
  const value = await output;
  outputs.push(value);
  return value;
}

async function dumpClusterTables(): Promise<string> {
  const db = new pg.Client({ connectionString: inject("databaseUrl") });
  await db.connect();
  try {
    const rows = await Promise.all(["clusters", "audit_events"].map((table) => db.query(`SELECT * FROM "${table}"`)));
    return JSON.stringify(rows.map((result) => result.rows));
  } finally {
    await db.end();
  }
}

async function produceAndBrowse(clusterId: string, name: string) {
  await admin.topics.create({ clusterId, spec: { name, partitions: 1, replicationFactor: 1, configs: {} } });
  expect((await admin.topics.list({ clusterId, search: name })).items.map((entry) => entry.name)).toContain(name);
  await admin.messages.produce({
    clusterId,
    topic: name,
    key: { text: "k" },
    value: { text: "over a secured listener" },
    headers: [],
    partition: "key",
  });
  const page = await admin.messages.browse({
    clusterId,
    topic: name,
    partition: "all",
    start: { kind: "earliest" },
    order: "oldest-first",
    limit: 10,
  });
  expect(page.messages.map((message) => Buffer.from(message.value?.base64 ?? "", "base64").toString())).toEqual([
    "over a secured listener",
  ]);
  await admin.topics.delete({ clusterId, name, confirmation: name });
}

describe("a SCRAM cluster", () => {
  it("is tested, added with its label and colour, and lists whether a password is set — never the password", async () => {
    expect(await kept(admin.clusters.test({ settings: scram() }))).toMatchObject({ ok: true, brokerCount: 1 });
    const added = await kept(admin.clusters.add({ settings: scram() }));
    ids.scram = added.id;
    expect(added).toEqual({
      id: added.id,
      name: `int-scram-${run}`,
      bootstrapServers: secured.scramBrokers,
      isReadOnly: false,
      isDefault: false,
      label: "production",
      colour: "red",
      sasl: { mechanism: "SCRAM-SHA-512", username: secured.scramUsername, hasPassword: true },
      tls: null,
    });
    const listed = await kept(callerAs("viewer").clusters.list());
    expect(listed.find((cluster) => cluster.id === added.id)).toEqual(added);
  });

  it("is browsed and produced to through the SCRAM listener", async () => {
    await produceAndBrowse(ids.scram, `${topic}-scram`);
  });

  it("says a wrong password is wrong, and neither adds nor changes a cluster with it", async () => {
    const sentence = `The brokers at ${secured.scramBrokers} refused the SASL login: wrong username or password (SASL authentication failed).`;
    expect(await kept(admin.clusters.test({ settings: scram(wrongPassword) }))).toMatchObject({
      ok: false,
      message: sentence,
    });
    const other = { ...scram(wrongPassword), name: `int-scram-wrong-${run}` };
    await expect(admin.clusters.add({ settings: other })).rejects.toMatchObject({ message: sentence });
    expect((await admin.clusters.list()).map((cluster) => cluster.name)).not.toContain(other.name);
    await expect(admin.clusters.update({ clusterId: ids.scram, settings: scram(wrongPassword) })).rejects.toMatchObject(
      { message: sentence },
    );
    // The stored password still connects.
    expect(
      await kept(
        admin.clusters.test({
          clusterId: ids.scram,
          settings: storedPassword(),
        }),
      ),
    ).toMatchObject({ ok: true });
  });

  it("keeps the stored password when an update leaves it out", async () => {
    const settings = { ...scram(), label: "prod", sasl: { ...scram().sasl!, password: undefined } };
    const updated = await kept(admin.clusters.update({ clusterId: ids.scram, settings }));
    expect(updated).toMatchObject({ label: "prod", sasl: { hasPassword: true } });
    expect(await kept(admin.clusters.test({ clusterId: ids.scram, settings }))).toMatchObject({ ok: true });
  });
});

describe("a TLS cluster", () => {
  it("is tested and added with the broker's CA", async () => {
    expect(await kept(admin.clusters.test({ settings: tls() }))).toMatchObject({ ok: true, brokerCount: 1 });
    const added = await kept(admin.clusters.add({ settings: tls() }));
    ids.tls = added.id;
    expect(added.tls).toEqual({
      caPem: secured.caPem.trim(),
      clientCertificatePem: client.certificatePem.trim(),
      hasClientKey: true,
      serverName: null,
    });
  });

  it("is browsed and produced to through the TLS listener", async () => {
    await produceAndBrowse(ids.tls, `${topic}-tls`);
  });

  it.each([
    [
      "a CA that did not sign the broker",
      () => tls(otherCa),
      `The TLS certificate of ${secured.tlsBrokers} is not signed by a certificate authority Tributary trusts.`,
    ],
    [
      "the system's CAs only",
      () => ({ ...tls(), tls: { caPem: null } }),
      `The TLS certificate of ${secured.tlsBrokers} is not signed by a certificate authority Tributary trusts.`,
    ],
    [
      "a server name the certificate does not carry",
      () => ({ ...tls(), tls: { caPem: secured.caPem, serverName: "kafka.example.com" } }),
      `The TLS certificate of ${secured.tlsBrokers} is not valid for the name kafka.example.com (it names DNS:127.0.0.1, DNS:localhost, IP Address:127.0.0.1).`,
    ],
    [
      "a plaintext port given as TLS",
      () => ({ ...tls(), bootstrapServers: plainBrokers }),
      `${plainBrokers} does not speak TLS: the TLS handshake got no TLS answer, so it is probably a plaintext port.`,
    ],
  ])("refuses %s with its sentence", async (_case, settings, sentence) => {
    const result = await kept(admin.clusters.test({ settings: settings() }));
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringContaining(sentence.replace(/ \(it names.*$/, "")),
    });
    await expect(admin.clusters.add({ settings: { ...settings(), name: `int-refused-${run}` } })).rejects.toThrow();
  });
});

describe("a connection test", () => {
  const plain = (bootstrapServers: string) => ({ settings: { name: "probe", bootstrapServers } });
  it.each([
    [
      "a name that does not resolve",
      () => "no-such-host.invalid:9092",
      "The name no-such-host.invalid does not resolve: DNS has no address for it.",
    ],
    [
      "a port nothing listens on",
      () => "127.0.0.1:1",
      "Nothing accepts connections at 127.0.0.1:1: the connection was refused.",
    ],
    [
      "an HTTP server",
      () => `127.0.0.1:${(httpServer.address() as AddressInfo).port}`,
      "took the connection but did not answer as a Kafka broker: it is another service (e.g. an HTTP server), or its listener expects TLS or SASL.",
    ],
  ])("says so for %s", async (_case, address, sentence) => {
    const result = await kept(admin.clusters.test(plain(address())));
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining(sentence) });
  });

  it("refuses raw client properties", async () => {
    const raw = { settings: { ...plain(plainBrokers).settings, "sasl.jaas.config": "x" } };
    await expect(admin.clusters.test(raw as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("the default cluster of KAFKA_BROKERS", () => {
  it("is listed as the default, and cannot be removed or pointed elsewhere", async () => {
    const cluster = (await kept(admin.clusters.list())).find((entry) => entry.name === "integration")!;
    expect(cluster).toMatchObject({ isDefault: true, bootstrapServers: plainBrokers });
    await expect(admin.clusters.remove({ clusterId: cluster.id, confirmation: cluster.name })).rejects.toMatchObject({
      message: expect.stringContaining("is Tributary's default (KAFKA_BROKERS)"),
    });
    const settings = { name: cluster.name, bootstrapServers: "127.0.0.1:1" };
    await expect(admin.clusters.update({ clusterId: cluster.id, settings })).rejects.toMatchObject({
      message: expect.stringContaining("its name and connection are changed there"),
    });
    const relabelled = await kept(
      admin.clusters.update({
        clusterId: cluster.id,
        settings: { name: cluster.name, bootstrapServers: plainBrokers, label: "dev", colour: "green" },
      }),
    );
    expect(relabelled).toMatchObject({ label: "dev", colour: "green", isDefault: true });
  });
});

describe("secrets", () => {
  it("are in no column or audit row of the database", async () => {
    const dump = await dumpClusterTables();
    expect(dump).toContain(ids.scram);
    for (const canary of canaries) expect(dump).not.toContain(canary);
  });

  it("are in no output of the cluster procedures", () => {
    expect(outputs.length).toBeGreaterThan(10);
    const all = JSON.stringify(outputs);
    for (const canary of canaries) expect(all).not.toContain(canary);
  });

  it("are re-encrypted by a rotation: then the old key no longer reads them and the new key does", async () => {
    const oldKey = requireSecretKey();
    const newKey = parseSecretKey(randomBytes(32).toString("base64"));
    expect(await rotateClusterSecrets(oldKey, newKey)).toBeGreaterThanOrEqual(2);
    // The server still holds the old key: it now names the key the secrets were sealed with.
    const unreadable = (await getCluster(ids.scram)).security.unreadable;
    expect(unreadable?.message).toContain(
      `was encrypted with key ${newKey.id}, but TRIBUTARY_SECRET_KEY is key ${oldKey.id}`,
    );
    expect(
      await kept(admin.clusters.list()).then((list) => list.find((entry) => entry.id === ids.scram)),
    ).toMatchObject({
      sasl: { hasPassword: true },
    });
    await expect(admin.topics.list({ clusterId: ids.scram })).rejects.toThrow(/cannot be read/);
    // Rotating back with the new key as the old one reads every secret again.
    await rotateClusterSecrets(newKey, oldKey);
    expect(
      await kept(
        admin.clusters.test({
          clusterId: ids.scram,
          settings: storedPassword(),
        }),
      ),
    ).toMatchObject({ ok: true });
  });

  it("are never printed, not even by failed logins", () => {
    expect(printed).toContain("log capture is on");
    for (const canary of canaries) expect(printed).not.toContain(canary);
  });
});
