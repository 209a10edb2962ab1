import { describe, expect, it } from "vitest";
import { ZAddClusterInput, ZClusterSettings, ZUpdateClusterInput } from "./cluster-settings";

const settings = { name: "staging", bootstrapServers: "kafka-1.example.com:9093" };

describe("cluster settings", () => {
  it("fills the defaults: plaintext, no label, writable", () => {
    expect(ZClusterSettings.parse(settings)).toEqual({
      ...settings,
      label: null,
      colour: null,
      isReadOnly: false,
      sasl: null,
      tls: null,
    });
  });

  it.each([
    ["a raw client property at the top", { ...settings, "sasl.jaas.config": "x" }],
    [
      "a raw property inside sasl",
      { ...settings, sasl: { mechanism: "PLAIN", username: "u", password: "p", "sasl.jaas.config": "x" } },
    ],
    ["a raw property inside tls", { ...settings, tls: { "ssl.endpoint.identification.algorithm": "" } }],
    ["a kafkajs option", { ...settings, tls: { rejectUnauthorized: false } }],
    ["a mechanism Tributary does not offer", { ...settings, sasl: { mechanism: "OAUTHBEARER", username: "u" } }],
  ])("refuses %s", (_what, value) => {
    expect(ZClusterSettings.safeParse(value).success).toBe(false);
  });

  it("refuses unknown keys next to the settings of add and update", () => {
    expect(ZAddClusterInput.safeParse({ settings, properties: {} }).success).toBe(false);
    expect(ZUpdateClusterInput.safeParse({ clusterId: "c1", settings, socketFactory: "x" }).success).toBe(false);
  });

  it("refuses bootstrap servers that are not host:port", () => {
    const result = ZClusterSettings.safeParse({ ...settings, bootstrapServers: "http://kafka:9092" });
    expect(result.error?.issues[0]?.message).toBe(
      "expected a comma-separated list of host:port, e.g. kafka-1.example.com:9093",
    );
  });

  it("refuses a CA bundle that is not PEM, and an encrypted private key", () => {
    expect(ZClusterSettings.safeParse({ ...settings, tls: { caPem: "not pem" } }).success).toBe(false);
    const encryptedKey = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nabc\n-----END ENCRYPTED PRIVATE KEY-----";
    expect(ZClusterSettings.safeParse({ ...settings, tls: { clientKeyPem: encryptedKey } }).success).toBe(false);
  });

  it("takes a colour from the palette only", () => {
    expect(ZClusterSettings.safeParse({ ...settings, colour: "red" }).success).toBe(true);
    expect(ZClusterSettings.safeParse({ ...settings, colour: "#ff0000" }).success).toBe(false);
  });
});
