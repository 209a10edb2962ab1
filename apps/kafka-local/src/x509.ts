import { createHash, randomBytes, sign, type KeyObject } from "node:crypto";
import { isIP } from "node:net";
import {
  derBitString,
  derBoolean,
  derExplicit,
  derImplicit,
  derObjectId,
  derOctetString,
  derSequence,
  derSet,
  derSmallInteger,
  derTime,
  derUnsignedInteger,
  derUtf8String,
} from "./der";

/** ecdsa-with-SHA256: our keys are P-256, which Java's PEM key store and Node's TLS both read. */
const ECDSA_WITH_SHA256 = derSequence(derObjectId("1.2.840.10045.4.3.2"));

export type CertificateParty = { commonName: string; publicKey: KeyObject };

export type CertificateRequest = {
  subject: CertificateParty;
  /** Who signs: the CA itself for a self-signed root. */
  issuer: CertificateParty & { privateKey: KeyObject };
  isCa: boolean;
  /** Host names and IP addresses a TLS client may reach this certificate's holder by. */
  altNames?: readonly string[];
  notBefore: Date;
  notAfter: Date;
};

/** Signs an X.509 v3 certificate (RFC 5280) and returns it as PEM. */
export function signCertificate(request: CertificateRequest): string {
  const { subject, issuer, isCa, altNames = [], notBefore, notAfter } = request;
  const extensions = [
    extension("2.5.29.19", true, derSequence(...(isCa ? [derBoolean(true)] : []))), // basicConstraints
    extension("2.5.29.15", true, keyUsage(isCa)),
    extension("2.5.29.14", false, derOctetString(keyIdentifier(subject.publicKey))), // subjectKeyIdentifier
    extension("2.5.29.35", false, derSequence(derImplicit(0, keyIdentifier(issuer.publicKey)))), // authorityKeyIdentifier
    ...(altNames.length > 0 ? [extension("2.5.29.17", false, subjectAltNames(altNames))] : []),
    ...(isCa ? [] : [extension("2.5.29.37", false, derSequence(derObjectId("1.3.6.1.5.5.7.3.1")))]), // serverAuth
  ];
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f || 0x01; // positive and 16 bytes long
  const tbsCertificate = derSequence(
    derExplicit(0, derSmallInteger(2)), // v3
    derUnsignedInteger(serial),
    ECDSA_WITH_SHA256,
    distinguishedName(issuer.commonName),
    derSequence(derTime(notBefore), derTime(notAfter)),
    distinguishedName(subject.commonName),
    subject.publicKey.export({ type: "spki", format: "der" }),
    derExplicit(3, derSequence(...extensions)),
  );
  const signature = sign("sha256", tbsCertificate, issuer.privateKey);
  const certificate = derSequence(tbsCertificate, ECDSA_WITH_SHA256, derBitString(signature));
  const lines = certificate.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join("\n")}\n-----END CERTIFICATE-----\n`;
}

function distinguishedName(commonName: string): Buffer {
  const attribute = derSequence(derObjectId("2.5.4.3"), derUtf8String(commonName));
  return derSequence(derSet(attribute));
}

function extension(oid: string, critical: boolean, value: Buffer): Buffer {
  return derSequence(derObjectId(oid), ...(critical ? [derBoolean(true)] : []), derOctetString(value));
}

/** CA: keyCertSign + cRLSign (bits 5, 6); server: digitalSignature (bit 0), all an ECDHE handshake needs. */
function keyUsage(isCa: boolean): Buffer {
  return isCa ? derBitString(Buffer.from([0x06]), 1) : derBitString(Buffer.from([0x80]), 7);
}

/** The leftmost 160 bits of the SHA-256 of the SubjectPublicKeyInfo (RFC 7093 §2, method 4). */
function keyIdentifier(publicKey: KeyObject): Buffer {
  const spki = publicKey.export({ type: "spki", format: "der" });
  return createHash("sha256").update(spki).digest().subarray(0, 20);
}

function subjectAltNames(names: readonly string[]): Buffer {
  return derSequence(
    ...names.map(
      (name) =>
        isIP(name) === 4
          ? derImplicit(7, Buffer.from(name.split(".").map(Number))) // iPAddress
          : derImplicit(2, Buffer.from(name, "ascii")), // dNSName
    ),
  );
}
