import { describe, expect, it } from "vitest";
import { formatCidr, formatIpAddress, isInCidr, parseCidr, parseIpAddress, type TCidr } from "./ip-address.mjs";

function address(text: string) {
  const parsed = parseIpAddress(text);
  if (!parsed) throw new Error(`${text} did not parse`);
  return parsed;
}

function range(text: string): TCidr {
  const parsed = parseCidr(text);
  if ("error" in parsed) throw new Error(parsed.error);
  return parsed;
}

describe("parseIpAddress", () => {
  it("reads IPv4 and IPv6 addresses, and writes them back the usual way", () => {
    expect(formatIpAddress(address("10.1.2.3"))).toBe("10.1.2.3");
    expect(formatIpAddress(address("FD00:EC2:0:0:0:0:0:254"))).toBe("fd00:ec2::254");
    expect(formatIpAddress(address("::1"))).toBe("::1");
    expect(formatIpAddress(address("::"))).toBe("::");
    expect(formatIpAddress(address("fe80::1%eth0"))).toBe("fe80::1");
    expect(formatIpAddress(address("1:0:0:2:0:0:0:3"))).toBe("1:0:0:2::3");
  });

  it("reads an IPv4 address written as IPv6 (mapped, or behind NAT64) as the IPv4 address it reaches", () => {
    expect(address("::ffff:169.254.169.254")).toEqual(address("169.254.169.254"));
    expect(address("::ffff:a9fe:a9fe")).toEqual(address("169.254.169.254"));
    expect(address("64:ff9b::169.254.169.254")).toEqual(address("169.254.169.254"));
    // ::1 is IPv6 loopback, not 0.0.0.1.
    expect(address("::1").version).toBe(6);
  });

  it("refuses text that is no address", () => {
    for (const text of [
      "",
      "localhost",
      "10.0.0",
      "10.0.0.256",
      "010.0.0.1",
      "1::2::3",
      "12345::",
      "1:2:3:4:5:6:7:8:9",
    ]) {
      expect(parseIpAddress(text), text).toBeNull();
    }
  });
});

describe("parseCidr", () => {
  it("reads ranges and single addresses", () => {
    expect(formatCidr(range("10.0.0.0/8"))).toBe("10.0.0.0/8");
    expect(formatCidr(range("10.1.2.3"))).toBe("10.1.2.3/32");
    expect(formatCidr(range("fd00::/8"))).toBe("fd00::/8");
    expect(formatCidr(range("::ffff:10.0.0.0/104"))).toBe("10.0.0.0/8");
  });

  it("says what is wrong with a range it cannot read", () => {
    expect(parseCidr("10.0.0.1/8")).toEqual({
      error: "10.0.0.1/8 has bits set past its prefix; did you mean 10.0.0.0/8?",
    });
    expect(parseCidr("10.0.0.0/33")).toEqual({ error: "10.0.0.0/33 has a prefix longer than the address's 32 bits." });
    expect(parseCidr("10.0.0.0/")).toEqual({ error: '10.0.0.0/ has no valid prefix length after "/".' });
    expect(parseCidr("10.0.0.0/8/8")).toEqual({ error: "10.0.0.0/8/8 is not an IP address or range." });
    expect(parseCidr("::ffff:10.0.0.0/8")).toEqual({
      error: "::ffff:10.0.0.0/8 mixes IPv4 and IPv6 addresses; write the IPv4 range itself.",
    });
  });
});

describe("isInCidr", () => {
  it("matches addresses inside the range only, of the same IP version", () => {
    expect(isInCidr(address("10.255.0.1"), range("10.0.0.0/8"))).toBe(true);
    expect(isInCidr(address("11.0.0.1"), range("10.0.0.0/8"))).toBe(false);
    expect(isInCidr(address("fe80::abcd"), range("fe80::/10"))).toBe(true);
    expect(isInCidr(address("fec0::1"), range("fe80::/10"))).toBe(false);
    expect(isInCidr(address("::ffff:10.0.0.1"), range("10.0.0.0/8"))).toBe(true);
    expect(isInCidr(address("10.0.0.1"), range("::/0"))).toBe(false);
    expect(isInCidr(address("203.0.113.9"), range("0.0.0.0/0"))).toBe(true);
  });
});
