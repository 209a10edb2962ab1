import { describe, expect, it } from "vitest";
import { allowedHosts, isHostAllowed, isLoopbackHost } from "./allowed-hosts";

describe("allowedHosts", () => {
  it("allows only loopback names on PORT when bound to loopback", () => {
    expect(allowedHosts({ host: "127.0.0.1", port: 3000 })).toEqual(["localhost:3000", "127.0.0.1:3000", "[::1]:3000"]);
  });

  it("adds the machine's own addresses when HOST exposes every interface", () => {
    const hosts = allowedHosts({ host: "0.0.0.0", port: 3000 });
    expect(hosts).toContain("localhost:3000");
    expect(hosts.length).toBeGreaterThan(3);
  });

  it("takes ALLOWED_HOSTS as given", () => {
    expect(allowedHosts({ host: "0.0.0.0", port: 3000, allowedHosts: "UI.example.com, 10.0.0.5:3000" })).toEqual([
      "ui.example.com",
      "10.0.0.5:3000",
    ]);
  });
});

describe("isHostAllowed", () => {
  const allowed = ["localhost:3000", "127.0.0.1:3000", "[::1]:3000", "ui.example.com"];

  it("accepts the names the server is bound to", () => {
    expect(isHostAllowed("localhost:3000", allowed)).toBe(true);
    expect(isHostAllowed("[::1]:3000", allowed)).toBe(true);
    expect(isHostAllowed("UI.example.com:8443", allowed)).toBe(true);
  });

  it("refuses a foreign name pointed at this machine (DNS rebinding) and another port", () => {
    expect(isHostAllowed("attacker.example:3000", allowed)).toBe(false);
    expect(isHostAllowed("localhost:3001", allowed)).toBe(false);
    expect(isHostAllowed("localhost.attacker.example:3000", allowed)).toBe(false);
    expect(isHostAllowed("", allowed)).toBe(false);
  });
});

describe("isLoopbackHost", () => {
  it("knows loopback from the network", () => {
    expect(isLoopbackHost("127.0.0.1")).toBe(true);
    expect(isLoopbackHost("::1")).toBe(true);
    expect(isLoopbackHost("0.0.0.0")).toBe(false);
    expect(isLoopbackHost("192.168.1.4")).toBe(false);
  });
});
