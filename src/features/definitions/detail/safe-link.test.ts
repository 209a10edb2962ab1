import { describe, expect, it } from "vitest";
import { safeLinkUrl } from "./safe-link";

describe("links in a description", () => {
  it.each([
    ["https://kafka.apache.org/documentation/", "https://kafka.apache.org/documentation/"],
    ["HTTP://example.com", "http://example.com/"],
    ["javascript:alert(1)", null],
    [" javascript:alert(1)", null],
    ["data:text/html,<script>alert(1)</script>", null],
    ["/api/trpc/topics.delete", null],
    ["//evil.example/x", null],
    ["mailto:team@example.com", null],
    ["https://", null],
  ])("%s → %s", (url, expected) => {
    expect(safeLinkUrl(url)).toBe(expected);
  });
});
