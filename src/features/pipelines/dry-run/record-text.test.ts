import { describe, expect, it } from "vitest";
import { keyText, valueText } from "./record-text";

describe("valueText", () => {
  it("writes structures as JSON and text as itself", () => {
    expect(valueText({ server: "server-1", value: 42 })).toBe('{"server":"server-1","value":42}');
    expect(valueText("not json {")).toBe("not json {");
    expect(valueText(null)).toBe("null");
  });

  it("keeps markup as plain characters and cuts long values with a count", () => {
    expect(valueText("<img src=x onerror=alert(1)>")).toBe("<img src=x onerror=alert(1)>");
    const text = valueText("x".repeat(50), 10);
    expect(text).toBe(`${"x".repeat(10)}… (40 more characters)`);
  });

  it("names a missing key", () => {
    expect(keyText(null)).toBe("(no key)");
    expect(keyText("server-1-cpu")).toBe("server-1-cpu");
  });
});
