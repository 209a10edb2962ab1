import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openSecret, parseSecretKey, sealSecret, sealedKeyId } from "./secret-box";

const key = parseSecretKey(randomBytes(32).toString("base64"));
const otherKey = parseSecretKey(randomBytes(32).toString("hex"));
const context = "clusters/c1/sasl_password";

describe("secret box", () => {
  it("opens what it sealed, and the sealed text holds neither the secret nor the key", () => {
    const sealed = sealSecret(key, "canary-password", context);
    expect(openSecret(key, sealed, context)).toBe("canary-password");
    expect(sealed).not.toContain("canary");
    expect(sealed).not.toContain(key.bytes.toString("base64"));
    expect(sealedKeyId(sealed)).toBe(key.id);
  });

  it("seals the same secret differently each time (a fresh IV)", () => {
    expect(sealSecret(key, "same", context)).not.toBe(sealSecret(key, "same", context));
  });

  it("detects a ciphertext altered by one bit", () => {
    const sealed = sealSecret(key, "canary-password", context);
    const [version, keyId, body] = sealed.split(":");
    const bytes = Buffer.from(body!, "base64url");
    bytes[bytes.length - 1]! ^= 1;
    const altered = `${version}:${keyId}:${bytes.toString("base64url")}`;
    expect(() => openSecret(key, altered, context)).toThrow(/failed its integrity check/);
  });

  it("refuses a ciphertext moved to another cluster or column", () => {
    const sealed = sealSecret(key, "canary-password", context);
    expect(() => openSecret(key, sealed, "clusters/c2/sasl_password")).toThrow(/belongs to another cluster/);
  });

  it("names both key ids when the secret was sealed with another key", () => {
    const sealed = sealSecret(otherKey, "canary-password", context);
    expect(() => openSecret(key, sealed, context)).toThrow(
      `A stored secret was encrypted with key ${otherKey.id}, but TRIBUTARY_SECRET_KEY is key ${key.id}.`,
    );
  });

  it("refuses a key that is not 32 bytes, with the format in the sentence", () => {
    expect(() => parseSecretKey("too-short")).toThrow(
      /TRIBUTARY_SECRET_KEY is not a key Tributary can use: expected 32 random bytes/,
    );
    expect(() => parseSecretKey(randomBytes(16).toString("hex"))).toThrow(/expected 32 random bytes/);
  });

  it("reads the same key from hex and from base64", () => {
    const bytes = randomBytes(32);
    expect(parseSecretKey(bytes.toString("hex")).id).toBe(parseSecretKey(bytes.toString("base64")).id);
  });
});
