import { describe, expect, it } from "vitest";
import { recordOf, runStep } from "../../engine/step-test-kit";

describe("the filter step", () => {
  it.each([
    { name: "keeps a value above the threshold", value: { value: 95, metric: "cpu" }, kept: true },
    { name: "drops a value below it", value: { value: 50, metric: "cpu" }, kept: false },
    { name: "drops a value without the field", value: { metric: "cpu" }, kept: false },
    { name: "drops text that is not JSON", value: "server-1 is on fire", kept: false },
    { name: "drops another metric", value: { value: 95, metric: "memory" }, kept: false },
  ])("$name", async ({ value, kept }) => {
    const emitted = await runStep("filter", { predicate: 'value > 90 and metric = "cpu"' }, [recordOf(value)]);
    expect(emitted).toEqual(kept ? [{ port: "out", key: "server-1-cpu", value }] : []);
  });

  it("answers predicates beyond the fast path through jsonata", async () => {
    const emitted = await runStep("filter", { predicate: "$count(tags[$ = 'prod']) > 0" }, [
      recordOf({ tags: ["prod", "eu"] }),
      recordOf({ tags: ["dev"] }),
    ]);
    expect(emitted.map((e) => e.value)).toEqual([{ tags: ["prod", "eu"] }]);
  });

  it("rejects a record the expression fails on, with jsonata's sentence", async () => {
    const emitted = await runStep("filter", { predicate: "value + 1 > 2" }, [recordOf({ value: "high" })]);
    expect(emitted[0]?.port).toBe("error");
    expect(emitted[0]?.reason).toBe(
      'The expression failed: The left side of the "+" operator must evaluate to a number.',
    );
  });

  it("cannot be built from an expression that does not parse", async () => {
    await expect(runStep("filter", { predicate: "value >" }, [])).rejects.toThrow(/syntax error/);
  });
});
