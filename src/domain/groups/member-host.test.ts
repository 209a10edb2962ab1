import { describe, expect, it } from "vitest";
import { memberHost } from "./member-host";

describe("memberHost", () => {
  it("drops the slash Kafka puts before an address without a host name", () => {
    expect(memberHost("/127.0.0.1")).toBe("127.0.0.1");
    expect(memberHost("/0:0:0:0:0:0:0:1")).toBe("0:0:0:0:0:0:0:1");
  });

  it("keeps the host name when Kafka resolved one, and a host given without a slash", () => {
    expect(memberHost("worker-3.example.com/10.0.0.7")).toBe("worker-3.example.com");
    expect(memberHost("10.0.0.7")).toBe("10.0.0.7");
    expect(memberHost("")).toBe("");
  });
});
