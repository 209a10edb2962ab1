import { X509Certificate } from "node:crypto";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensureLocalCa } from "./local-ca";

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "kafka-local-ca-"));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const DAY_MS = 24 * 60 * 60 * 1000;
const brokerCertificate = async (keystoreFile: string) => new X509Certificate(await readFile(keystoreFile, "utf8"));

describe("ensureLocalCa", () => {
  it("makes a CA and a broker key store it signed, readable by their owner only", async () => {
    const ca = await ensureLocalCa(dataDir);
    const caCertificate = new X509Certificate(ca.caPem);
    const keystore = await readFile(ca.keystoreFile, "utf8");
    expect(keystore).toMatch(/^-----BEGIN PRIVATE KEY-----/); // unencrypted PKCS#8, as Kafka's PEM key store reads it
    expect(keystore.match(/BEGIN CERTIFICATE/g)).toHaveLength(2); // the broker's, then the CA's
    const broker = await brokerCertificate(ca.keystoreFile);
    expect(broker.verify(caCertificate.publicKey)).toBe(true);
    expect(broker.checkIP("127.0.0.1")).toBeTruthy();
    expect(broker.checkHost("localhost")).toBeTruthy();
    expect((await stat(ca.keystoreFile)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dataDir, "secured", "ca-key.pem"))).mode & 0o777).toBe(0o600);
    expect(await readFile(ca.caFile, "utf8")).toBe(ca.caPem);
  });

  it("keeps the same CA and broker certificate on later starts", async () => {
    const first = await ensureLocalCa(dataDir);
    const firstBroker = (await brokerCertificate(first.keystoreFile)).serialNumber;
    const second = await ensureLocalCa(dataDir);
    expect(second.caPem).toBe(first.caPem);
    expect((await brokerCertificate(second.keystoreFile)).serialNumber).toBe(firstBroker);
  });

  it("issues a new broker certificate from the same CA when the old one nears its end", async () => {
    const first = await ensureLocalCa(dataDir);
    const old = await brokerCertificate(first.keystoreFile);
    const later = new Date(new Date(old.validTo).getTime() - 10 * DAY_MS);
    const second = await ensureLocalCa(dataDir, later);
    const renewed = await brokerCertificate(second.keystoreFile);
    expect(second.caPem).toBe(first.caPem);
    expect(renewed.serialNumber).not.toBe(old.serialNumber);
    expect(new Date(renewed.validTo).getTime()).toBeGreaterThan(new Date(old.validTo).getTime());
  });

  it("makes a new CA, and a broker certificate from it, when the CA key is gone", async () => {
    const first = await ensureLocalCa(dataDir);
    await rm(join(dataDir, "secured", "ca-key.pem"));
    const second = await ensureLocalCa(dataDir);
    expect(second.caPem).not.toBe(first.caPem);
    expect((await brokerCertificate(second.keystoreFile)).verify(new X509Certificate(second.caPem).publicKey)).toBe(
      true,
    );
  });
});
