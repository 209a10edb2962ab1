import { describe, expect, it } from "vitest";
import { StepConfigError } from "../step-types";
import { jsonataCompiler } from "./jsonata-host";

const compile = jsonataCompiler(null);

describe("the steps' JSONata", () => {
  it("answers a simple predicate synchronously and others through jsonata, with the same truth", async () => {
    const simple = compile('value > 90 and metric = "cpu"');
    expect(simple.matches({ value: 95, metric: "cpu" })).toBe(true);
    expect(simple.matches({ value: 95, metric: "disk" })).toBe(false);
    const other = compile("$count(tags) > 1");
    const pending = other.matches({ tags: ["a", "b"] });
    expect(pending).toBeInstanceOf(Promise);
    await expect(pending).resolves.toBe(true);
  });

  it.each([
    ["$ = 'up'", "up", true],
    ["$ > 10", 42, true],
    ["value > 10", "text", false],
    ["$count($) = 2", [1, 2], true],
    ["value", null, false],
  ])("evaluates %s on the non-object value %j", async (source, value, want) => {
    expect(await compile(source).matches(value)).toBe(want);
  });

  it("evaluates transforms, through the fast path or jsonata alike", async () => {
    expect(await compile('{ "cpu": value * 100 }').evaluate({ value: 0.5 })).toEqual({ cpu: 50 });
    expect(await compile("$sum(values)").evaluate({ values: [1, 2, 3] })).toBe(6);
  });

  it("refuses an expression that does not parse with a StepConfigError naming the place", () => {
    expect(() => compile("value >")).toThrow(StepConfigError);
    expect(() => compile("value >")).toThrow(/syntax error at character/);
  });
});
