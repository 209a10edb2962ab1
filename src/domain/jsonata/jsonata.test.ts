import { describe, expect, it } from "vitest";
import { compileJsonata, type TCompiledJsonata } from "./compile";
import { evaluateJsonata, JsonataEvaluationError, matchesJsonata, objectInput } from "./evaluate";
import { FALLBACK } from "./fast-path";

function compile(source: string): TCompiledJsonata {
  const result = compileJsonata(source);
  if (!result.ok) throw new Error(result.sentence);
  return result.compiled;
}

function nested(depth: number): unknown {
  let value: unknown = { x: 1 };
  for (let level = 0; level < depth; level += 1) value = { a: value };
  return value;
}

describe("compileJsonata", () => {
  it("explains a syntax error in a sentence with the character position", () => {
    const result = compileJsonata('value.status = ("x"');
    expect(result).toEqual({
      ok: false,
      sentence: 'The expression has a syntax error at character 19: Expected ")" before end of expression.',
      position: 19,
    });
  });

  it("asks for an expression when the field is empty", () => {
    expect(compileJsonata("  ")).toMatchObject({ ok: false, sentence: "Enter a JSONata expression." });
  });
});

describe("evaluateJsonata budgets", () => {
  it("stops a tail recursion that never ends with a sentence about the time budget", async () => {
    // jsonata turns a tail call into a loop, so this one never grows the stack: only time stops it.
    const compiled = compile("($f := function($x){ $f($x) }; $f(1))");
    await expect(evaluateJsonata(compiled, {})).rejects.toThrow(
      "The expression ran longer than its budget of 250 ms on one message.",
    );
  });

  it("stops a recursion that grows the stack with a sentence about the depth budget", async () => {
    const compiled = compile("($f := function($x){ 1 + $f($x) }; $f(1))");
    await expect(evaluateJsonata(compiled, {})).rejects.toThrow(/deeper than its budget of 500 levels/);
  });

  it("stops a very long loop with a sentence about the time budget", async () => {
    const compiled = compile("$count([1..900000].($ * 2)[$ > 1]) + $count([1..900000].($ * 3)[$ > 1])");
    const error = await evaluateJsonata(compiled, {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(JsonataEvaluationError);
    expect((error as JsonataEvaluationError).message).toBe(
      "The expression ran longer than its budget of 250 ms on one message.",
    );
    expect((error as JsonataEvaluationError).isBudget).toBe(true);
  });

  it("refuses to walk input nested deeper than the depth budget with **", async () => {
    const compiled = compile("value.**.x = 1");
    await expect(evaluateJsonata(compiled, { value: nested(10_000) })).rejects.toThrow(
      "The message nests deeper than the budget of 200 levels for expressions that use ** or *.",
    );
    await expect(evaluateJsonata(compiled, { value: nested(20) })).resolves.toBe(true);
  });

  it("stops a recursive function that follows deeply nested input", async () => {
    const compiled = compile("($depth := function($v){ $v.a ? 1 + $depth($v.a) : 0 }; $depth(value))");
    await expect(evaluateJsonata(compiled, { value: nested(10_000) })).rejects.toThrow(/deeper than its budget/);
  });

  it("reports a type error as a sentence rather than a stack", async () => {
    const compiled = compile('value.n > "x"');
    await expect(evaluateJsonata(compiled, { value: { n: 1 } })).rejects.toThrow(/^The expression failed: /);
  });
});

describe("matchesJsonata", () => {
  const input = objectInput({
    partition: 2,
    offset: "17",
    value: { status: "failed", n: 5, tags: ["a", "b"] },
    key: "k1",
  });

  it("answers common comparisons synchronously, as jsonata would", () => {
    for (const [source, expected] of [
      ['value.status = "failed"', true],
      ['value.status = "ok"', false],
      ["value.n >= 5 and partition = 2", true],
      ['value.missing = "x" or key = "k1"', true],
      ["value.n < 5", false],
      ['value.nothing != "x"', false],
    ] as const) {
      expect(matchesJsonata(compile(source), input), source).toBe(expected);
    }
  });

  it("answers $contains, $lowercase, $exists and $not synchronously", () => {
    for (const [source, expected] of [
      ['$contains(value.status, "fail")', true],
      ['$contains($lowercase(key), "K")', false],
      ["$exists(value.n) and $not($exists(value.missing))", true],
      ['$contains(value.missing, "x")', false],
    ] as const) {
      expect(matchesJsonata(compile(source), input), source).toBe(expected);
    }
  });

  it("leaves arrays, other functions and type errors to jsonata and agrees with it", async () => {
    await expect(matchesJsonata(compile('$contains(value.n, "5")'), input)).rejects.toThrow(/^The expression failed: /);
    await expect(matchesJsonata(compile('$substring(key, 0, 1) = "k"'), input)).resolves.toBe(true);
    const compiled = compile('value.tags = "b"');
    expect(compiled.fast?.(input)).toBe(FALLBACK);
    // jsonata compares a whole array with "=", so this is false; `in` tests membership.
    await expect(matchesJsonata(compiled, input)).resolves.toBe(false);
    await expect(matchesJsonata(compile('"b" in value.tags'), input)).resolves.toBe(true);
  });

  it("does not let a __proto__ key pollute Object.prototype", async () => {
    const value = JSON.parse('{"__proto__":{"polluted":1}}') as unknown;
    await matchesJsonata(compile('$merge([value, {"b": 1}]).polluted = 1'), objectInput({ value }));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("required texts", () => {
  it("lists string literals an and-chain compares key or value paths with", () => {
    expect(compile('value.kind = "alert" and $contains(key, "k1") and partition = 2').required).toEqual([
      { field: "value", text: "alert" },
      { field: "key", text: "k1" },
    ]);
  });

  it("lists nothing for or, inequality, numbers or literals JSON would escape", () => {
    for (const source of [
      'value.kind = "a" or key = "b"',
      'value.kind != "a"',
      "value.n = 5",
      'value.q = "say \\"hi\\""',
    ]) {
      expect(compile(source).required, source).toEqual([]);
    }
  });
});
