import { describe, expect, it } from "vitest";
import { lineErrors } from "./line-errors";

describe("lineErrors", () => {
  it("names the line of each entry that is no rule, and skips blank lines", () => {
    expect(lineErrors("10.0.0.0/8\n\n10.0.0.1/8\nkafka.example.com")).toBe(
      "Line 3: 10.0.0.1/8 has bits set past its prefix; did you mean 10.0.0.0/8?",
    );
    expect(lineErrors("10.0.0.0/8\n*.example.com\n")).toBeNull();
  });
});
