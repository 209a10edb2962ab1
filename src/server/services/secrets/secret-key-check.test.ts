import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseSecretKey, sealSecret } from "./secret-box";
import { secretKeyProblem } from "./secret-key-check";

const key = parseSecretKey(randomBytes(32).toString("base64"));
const oldKey = parseSecretKey(randomBytes(32).toString("base64"));
const row = (sealedWith: typeof key) => ({
  id: "c1",
  saslPasswordEncrypted: sealSecret(sealedWith, "pw", "clusters/c1/sasl_password"),
  tlsClientKeyEncrypted: null,
});

describe("the start-up check of TRIBUTARY_SECRET_KEY", () => {
  it("lets a server without stored secrets start without a key", () => {
    expect(secretKeyProblem([], null)).toBeNull();
  });
  it("refuses to start without a key while a cluster has a secret", () => {
    expect(secretKeyProblem([row(key)], null)).toBe(
      "1 cluster has stored secrets (passwords or private keys), but TRIBUTARY_SECRET_KEY is not set, so they cannot be read. Start Tributary with the key they were encrypted with.",
    );
  });
  it("names the key ids when the secrets were sealed with another key", () => {
    expect(secretKeyProblem([row(oldKey), row(key)], key)).toMatch(
      `2 clusters have stored secrets (passwords or private keys) encrypted with key ${oldKey.id}, but TRIBUTARY_SECRET_KEY is key ${key.id}.`,
    );
  });
  it("starts with the key the secrets were sealed with", () => {
    expect(secretKeyProblem([row(key)], key)).toBeNull();
  });
});
