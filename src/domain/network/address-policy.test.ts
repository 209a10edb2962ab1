import { describe, expect, it } from "vitest";
import {
  addressRuleErrors,
  checkHost,
  checkResolvedAddress,
  compileAddressPolicy,
  parseAddressRule,
  type TAddressRules,
} from "./address-policy.mjs";

const policyOf = (rules: Partial<TAddressRules> = {}) => compileAddressPolicy({ allow: [], deny: [], ...rules });
const sentenceFor = (decision: ReturnType<typeof checkHost>) => (decision.isAllowed ? null : decision.sentence);

describe("addresses Tributary never connects to", () => {
  const open = policyOf({ allow: ["0.0.0.0/0", "::/0"] });

  it("refuses cloud metadata addresses with a sentence naming the address", () => {
    expect(sentenceFor(checkHost(open, "169.254.169.254"))).toBe(
      "169.254.169.254 is a cloud metadata address; Tributary never connects to it.",
    );
    expect(sentenceFor(checkHost(open, "fd00:ec2::254"))).toBe(
      "fd00:ec2::254 is a cloud metadata address; Tributary never connects to it.",
    );
    expect(sentenceFor(checkHost(open, "100.100.100.200"))).toMatch(/is a cloud metadata address/);
  });

  it("refuses metadata service names before they are resolved", () => {
    expect(sentenceFor(checkHost(open, "metadata.google.internal"))).toBe(
      "metadata.google.internal is a cloud metadata address; Tributary never connects to it.",
    );
    expect(sentenceFor(checkHost(open, "Metadata.Google.Internal."))).toMatch(/cloud metadata address/);
  });

  it("refuses the same address however it is spelled", () => {
    expect(sentenceFor(checkHost(open, "::ffff:169.254.169.254"))).toBe(
      "::ffff:169.254.169.254 (169.254.169.254) is a cloud metadata address; Tributary never connects to it.",
    );
    expect(sentenceFor(checkHost(open, "::ffff:a9fe:a9fe"))).toMatch(/cloud metadata address/);
  });

  it("refuses link-local, unspecified, multicast and broadcast addresses even when the allow list names them", () => {
    const cases: [string, string][] = [
      ["169.254.10.1", "a link-local address"],
      ["fe80::1", "a link-local address"],
      ["0.0.0.0", "an unspecified address"],
      ["::", "the unspecified address"],
      ["239.1.2.3", "a multicast address"],
      ["ff02::1", "a multicast address"],
      ["255.255.255.255", "the broadcast address"],
    ];
    for (const [host, what] of cases) {
      expect(sentenceFor(checkHost(open, host))).toBe(`${host} is ${what}; Tributary never connects to it.`);
    }
  });

  it("names the host and the address when a name resolves to one of them", () => {
    expect(sentenceFor(checkResolvedAddress(open, "kafka.example.com", "169.254.169.254"))).toBe(
      "kafka.example.com resolves to 169.254.169.254, which is a cloud metadata address; Tributary never connects to it.",
    );
  });
});

describe("the admins' lists", () => {
  it("allows loopback and private addresses while both lists are empty", () => {
    const policy = policyOf();
    for (const host of ["127.0.0.1", "::1", "10.0.0.5", "192.168.1.20", "kafka.example.com"]) {
      expect(checkHost(policy, host).isAllowed, host).toBe(true);
    }
    expect(checkResolvedAddress(policy, "localhost", "127.0.0.1").isAllowed).toBe(true);
  });

  it("refuses an address in a denied range, naming the rule", () => {
    const policy = policyOf({ deny: ["127.0.0.2/32", "10.0.0.0/8"] });
    expect(sentenceFor(checkHost(policy, "10.20.30.40"))).toBe(
      "10.20.30.40 is in 10.0.0.0/8, on the address policy's deny list.",
    );
    expect(sentenceFor(checkResolvedAddress(policy, "localhost", "::ffff:127.0.0.2"))).toBe(
      "localhost resolves to 127.0.0.2, which is in 127.0.0.2/32, on the address policy's deny list.",
    );
    expect(checkHost(policy, "127.0.0.1").isAllowed).toBe(true);
  });

  it("refuses denied names before resolving them, and any name under a denied domain", () => {
    const policy = policyOf({ deny: ["*.internal.example", "evil.example"] });
    expect(sentenceFor(checkHost(policy, "kafka.internal.example"))).toBe(
      "kafka.internal.example matches *.internal.example on the address policy's deny list.",
    );
    expect(sentenceFor(checkHost(policy, "EVIL.example"))).toMatch(/matches evil\.example/);
    expect(checkHost(policy, "internal.example").isAllowed).toBe(true);
    expect(checkHost(policy, "notevil.example").isAllowed).toBe(true);
  });

  it("allows only what a non-empty allow list names, by range or by name", () => {
    const policy = policyOf({ allow: ["10.0.0.0/8", "*.kafka.example"] });
    expect(checkResolvedAddress(policy, "broker-1", "10.1.1.1").isAllowed).toBe(true);
    expect(checkResolvedAddress(policy, "b1.kafka.example", "192.168.1.1").isAllowed).toBe(true);
    expect(sentenceFor(checkResolvedAddress(policy, "other.example", "192.168.1.1"))).toBe(
      "other.example resolves to 192.168.1.1, which is outside the address policy's allow list.",
    );
    expect(sentenceFor(checkHost(policy, "127.0.0.1"))).toBe("127.0.0.1 is outside the address policy's allow list.");
  });

  it("lets the deny list win over the allow list", () => {
    const policy = policyOf({ allow: ["10.0.0.0/8"], deny: ["10.9.0.0/16"] });
    expect(sentenceFor(checkHost(policy, "10.9.1.1"))).toBe(
      "10.9.1.1 is in 10.9.0.0/16, on the address policy's deny list.",
    );
    expect(sentenceFor(checkResolvedAddress(policy, "b1.kafka.example", "169.254.1.1"))).toMatch(/link-local/);
  });
});

describe("parseAddressRule", () => {
  it("reads ranges, addresses and host names", () => {
    expect(parseAddressRule(" 10.0.0.0/8 ")).toMatchObject({ kind: "range", text: "10.0.0.0/8" });
    expect(parseAddressRule("fd00::/8")).toMatchObject({ kind: "range" });
    expect(parseAddressRule("Kafka-1.Example.com")).toEqual({
      kind: "name",
      text: "Kafka-1.Example.com",
      name: "kafka-1.example.com",
    });
    expect(parseAddressRule("*.example.com")).toMatchObject({ kind: "name", name: "*.example.com" });
  });

  it("says which entries are no rules, by position", () => {
    expect(addressRuleErrors(["10.0.0.0/8", "10.0.0.300", "exa mple.com", "*", "", "a".repeat(254)])).toEqual([
      { index: 1, error: "10.0.0.300 is not an IP address or range." },
      {
        index: 2,
        error: "exa mple.com is neither an IP range (10.0.0.0/8) nor a host name (kafka.example.com, *.example.com).",
      },
      { index: 3, error: "* is neither an IP range (10.0.0.0/8) nor a host name (kafka.example.com, *.example.com)." },
      { index: 4, error: "An empty entry is no rule; remove it." },
      { index: 5, error: "An entry is at most 253 characters long." },
    ]);
  });
});
