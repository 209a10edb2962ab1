import { describe, expect, it } from "vitest";
import { parseJavaMajorVersion } from "./prerequisites";
import { newClusterId } from "./storage";

describe("newClusterId", () => {
  it("makes 22-character base64url ids of random version-4 UUIDs, never starting with '-'", () => {
    const ids = Array.from({ length: 500 }, newClusterId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
      const bytes = Buffer.from(id, "base64url");
      expect(bytes).toHaveLength(16);
      expect(bytes[6]! >> 4).toBe(4);
    }
  });
});

describe("parseJavaMajorVersion", () => {
  it("reads modern and pre-9 version strings", () => {
    expect(parseJavaMajorVersion('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaMajorVersion('openjdk version "21" 2023-09-19')).toBe(21);
    expect(parseJavaMajorVersion('java version "1.8.0_392"')).toBe(8);
    expect(parseJavaMajorVersion("nonsense")).toBeUndefined();
  });
});
