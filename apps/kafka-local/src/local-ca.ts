import { createPrivateKey, generateKeyPairSync, X509Certificate, type KeyObject } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { LOCAL_HOST, securedDir } from "./config";
import { signCertificate } from "./x509";

/** The names a client may use for this broker; the certificate must cover both. */
export const BROKER_ALT_NAMES = [LOCAL_HOST, "localhost"] as const;

const DAY_MS = 24 * 60 * 60 * 1000;
const CA_VALIDITY_DAYS = 3650;
const BROKER_VALIDITY_DAYS = 825;
/** A broker certificate closer than this to its end is issued again on start. */
const RENEW_BEFORE_DAYS = 30;

/** Where a data dir keeps its CA and the broker's key store (PEM, which Kafka reads directly). */
export type LocalCa = {
  /** The CA certificate a TLS client trusts. */
  caFile: string;
  caPem: string;
  /** Kafka's `ssl.keystore.location` (type PEM): the broker's private key, certificate and the CA's. */
  keystoreFile: string;
};

/**
 * This data dir's own CA and a broker certificate signed by it for 127.0.0.1 and localhost. Made on
 * first start and kept (so a client that trusts the CA keeps trusting it); the broker certificate is
 * issued again when it is missing, no longer matches the CA, or nears its end.
 */
export async function ensureLocalCa(dataDir: string, now = new Date()): Promise<LocalCa> {
  const dir = securedDir(dataDir);
  const files = {
    caFile: join(dir, "ca.pem"),
    caKeyFile: join(dir, "ca-key.pem"),
    keystoreFile: join(dir, "broker.pem"),
  };
  await mkdir(dir, { recursive: true });
  let ca = await readCa(files.caFile, files.caKeyFile, now);
  if (!ca) {
    ca = newCa(now);
    await writeFile(files.caKeyFile, ca.privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
    await writeFile(files.caFile, ca.pem);
  }
  if (!(await brokerCertificateIsGood(files.keystoreFile, ca.certificate, now))) {
    await writeFile(files.keystoreFile, newBrokerKeystore(ca, now), { mode: 0o600 });
  }
  return { caFile: files.caFile, caPem: ca.pem, keystoreFile: files.keystoreFile };
}

type Ca = { pem: string; certificate: X509Certificate; privateKey: KeyObject };

async function readCa(caFile: string, caKeyFile: string, now: Date): Promise<Ca | undefined> {
  try {
    const pem = await readFile(caFile, "utf8");
    const certificate = new X509Certificate(pem);
    const privateKey = createPrivateKey(await readFile(caKeyFile, "utf8"));
    const matches = certificate.checkPrivateKey(privateKey) && certificate.ca;
    return matches && daysLeft(certificate, now) > RENEW_BEFORE_DAYS ? { pem, certificate, privateKey } : undefined;
  } catch {
    return undefined; // missing or unreadable: make a new one
  }
}

function newCa(now: Date): Ca {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const party = { commonName: "Tributary local Kafka CA", publicKey };
  const pem = signCertificate({
    subject: party,
    issuer: { ...party, privateKey },
    isCa: true,
    notBefore: new Date(now.getTime() - DAY_MS), // a clock a little behind still accepts it
    notAfter: new Date(now.getTime() + CA_VALIDITY_DAYS * DAY_MS),
  });
  return { pem, certificate: new X509Certificate(pem), privateKey };
}

function newBrokerKeystore(ca: Ca, now: Date): string {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const pem = signCertificate({
    subject: { commonName: "localhost", publicKey },
    issuer: {
      commonName: ca.certificate.subject.replace(/^CN=/, ""),
      publicKey: ca.certificate.publicKey,
      privateKey: ca.privateKey,
    },
    isCa: false,
    altNames: BROKER_ALT_NAMES,
    notBefore: new Date(now.getTime() - DAY_MS),
    notAfter: new Date(now.getTime() + BROKER_VALIDITY_DAYS * DAY_MS),
  });
  return String(privateKey.export({ type: "pkcs8", format: "pem" })) + pem + ca.pem;
}

async function brokerCertificateIsGood(
  keystoreFile: string,
  caCertificate: X509Certificate,
  now: Date,
): Promise<boolean> {
  try {
    const certificate = new X509Certificate(await readFile(keystoreFile, "utf8"));
    return (
      certificate.checkIssued(caCertificate) &&
      certificate.verify(caCertificate.publicKey) &&
      BROKER_ALT_NAMES.every((name) =>
        name === LOCAL_HOST ? certificate.checkIP(name) : certificate.checkHost(name),
      ) &&
      daysLeft(certificate, now) > RENEW_BEFORE_DAYS
    );
  } catch {
    return false;
  }
}

function daysLeft(certificate: X509Certificate, now: Date): number {
  return (new Date(certificate.validTo).getTime() - now.getTime()) / DAY_MS;
}
