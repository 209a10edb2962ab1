import { describe, expect, it } from "vitest";
import { JsonNumber, parseJsonLossless } from "./lossless-json";

const n = (source: string) => new JsonNumber(source);

describe("parseJsonLossless", () => {
  it("keeps a 64-bit id beyond 2^53 digit for digit", () => {
    const parsed = parseJsonLossless('{"id": 9007199254740993}');
    expect(parsed?.value).toEqual({ id: n("9007199254740993") });
    expect(String((parsed?.value as { id: JsonNumber }).id)).toBe("9007199254740993");
  });

  it("keeps every number as written: negatives, decimals, exponents, in arrays and at the top", () => {
    expect(parseJsonLossless("[-1, 1.10, 1e400, -0, 0.1]")?.value).toEqual([
      n("-1"),
      n("1.10"),
      n("1e400"),
      n("-0"),
      n("0.1"),
    ]);
    expect(parseJsonLossless("  12345678901234567890 ")?.value).toEqual(n("12345678901234567890"));
  });

  it("leaves digits inside strings and keys alone, escaped quotes included", () => {
    expect(parseJsonLossless('{"9007199254740993": "a \\" 42", "k": [true, null, "7"]}')?.value).toEqual({
      "9007199254740993": 'a " 42',
      k: [true, null, "7"],
    });
  });

  it("cannot be fooled by a string that looks like its internal marker", () => {
    expect(parseJsonLossless('["\\u0000n5", "\\u0000s", {"\\u0000n1": 2}]')?.value).toEqual([
      "\u0000n5",
      "\u0000s",
      { "\u0000n1": n("2") },
    ]);
  });

  it("rejects what JSON.parse rejects, numbers with leading zeros included", () => {
    expect(parseJsonLossless("01")).toBeNull();
    expect(parseJsonLossless('{"a": 1,}')).toBeNull();
    expect(parseJsonLossless("server-1-cpu")).toBeNull();
  });

  it("keeps __proto__ a plain key and nests 10,000 deep without recursion", () => {
    const parsed = parseJsonLossless('{"__proto__": {"polluted": 1}}')?.value as object;
    expect(Object.keys(parsed)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const deep = parseJsonLossless("[".repeat(10_000) + "1" + "]".repeat(10_000));
    expect(deep).not.toBeNull();
  });
});
