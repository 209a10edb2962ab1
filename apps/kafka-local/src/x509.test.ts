import { generateKeyPairSync, X509Certificate } from "node:crypto";
import { describe, expect, it } from "vitest";
import { derObjectId, derTime, derUnsignedInteger } from "./der";
import { signCertificate } from "./x509";

const keyPair = () => generateKeyPairSync("ec", { namedCurve: "P-256" });
const notBefore = new Date("2026-01-01T00:00:00Z");
const notAfter = new Date("2036-01-01T00:00:00Z");

function caAndServer() {
  const ca = keyPair();
  const caParty = { commonName: "Test CA", publicKey: ca.publicKey };
  const caPem = signCertificate({
    subject: caParty,
    issuer: { ...caParty, privateKey: ca.privateKey },
    isCa: true,
    notBefore,
    notAfter,
  });
  const server = keyPair();
  const serverPem = signCertificate({
    subject: { commonName: "localhost", publicKey: server.publicKey },
    issuer: { ...caParty, privateKey: ca.privateKey },
    isCa: false,
    altNames: ["127.0.0.1", "localhost"],
    notBefore,
    notAfter,
  });
  return { ca: new X509Certificate(caPem), server: new X509Certificate(serverPem), serverKey: server.privateKey };
}

describe("signCertificate", () => {
  it("makes a self-signed CA certificate that verifies with its own key", () => {
    const { ca } = caAndServer();
    expect(ca.ca).toBe(true);
    expect(ca.subject).toBe("CN=Test CA");
    expect(ca.issuer).toBe("CN=Test CA");
    expect(ca.verify(ca.publicKey)).toBe(true);
    expect(new Date(ca.validFrom)).toEqual(notBefore);
    expect(new Date(ca.validTo)).toEqual(notAfter);
  });

  it("makes a server certificate, issued by the CA, for 127.0.0.1 and localhost only", () => {
    const { ca, server, serverKey } = caAndServer();
    expect(server.ca).toBe(false);
    expect(server.checkIssued(ca)).toBe(true);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.checkPrivateKey(serverKey)).toBe(true);
    expect(server.subjectAltName).toBe("IP Address:127.0.0.1, DNS:localhost");
    expect(server.checkIP("127.0.0.1")).toBe("127.0.0.1");
    expect(server.checkHost("localhost")).toBe("localhost");
    expect(server.checkHost("example.com")).toBeUndefined();
    expect(server.keyUsage).toEqual(["1.3.6.1.5.5.7.3.1"]); // extended key usage: TLS server
  });

  it("is not verified by another CA's key", () => {
    const { server } = caAndServer();
    expect(server.verify(caAndServer().ca.publicKey)).toBe(false);
  });
});

describe("DER encoding", () => {
  it("encodes object identifiers with multi-byte arcs", () => {
    expect(derObjectId("1.2.840.10045.4.3.2").toString("hex")).toBe("06082a8648ce3d040302");
    expect(derObjectId("2.5.29.17").toString("hex")).toBe("0603551d11");
  });

  it("keeps integers positive and minimal", () => {
    expect(derUnsignedInteger(Buffer.from([0x00, 0x00, 0x7f])).toString("hex")).toBe("02017f");
    expect(derUnsignedInteger(Buffer.from([0x80])).toString("hex")).toBe("02020080");
  });

  it("writes UTCTime before 2050 and GeneralizedTime from 2050", () => {
    expect(derTime(new Date("2036-01-02T03:04:05Z")).toString("latin1")).toBe("\x17\x0d360102030405Z");
    expect(derTime(new Date("2050-01-02T03:04:05Z")).toString("latin1")).toBe("\x18\x0f20500102030405Z");
  });
});
