import { describe, expect, it } from "vitest";
import { INT_MAX, parseBoolean, parseDecimal, parseList, parseWholeNumber } from "./kafka-values";

describe("Kafka's config value parsing", () => {
  it("reads whole numbers as Long.parseLong does, beyond 2^53 without loss", () => {
    expect(parseWholeNumber("9007199254740993")).toBe(9007199254740993n);
    expect(parseWholeNumber(" -0 ")).toBe(0n);
    expect(parseWholeNumber("0100")).toBe(100n);
    expect(parseWholeNumber("1_000")).toBeNull();
    expect(parseWholeNumber("2147483648", 0n, INT_MAX)).toBeNull();
  });

  it("reads only finite decimals", () => {
    expect(parseDecimal("5e-1")).toBe(0.5);
    expect(parseDecimal("Infinity")).toBeNull();
    expect(parseDecimal("0x1p3")).toBeNull();
  });

  it("reads booleans case-insensitively and nothing else", () => {
    expect(parseBoolean(" False ")).toBe(false);
    expect(parseBoolean("1")).toBeNull();
  });

  it("splits lists on commas, drops duplicates and refuses empty items", () => {
    expect(parseList("  ")).toEqual([]);
    expect(parseList("a , b,a")).toEqual(["a", "b"]);
    expect(parseList("a,,b")).toBeNull();
  });
});
