import jsonata from "jsonata";
import { describe, expect, it } from "vitest";
import { compileFastTransform, TRANSFORM_FALLBACK } from "./fast-transform";

const inputs: unknown[] = [
  { server: "server-1", metric: "cpu", value: 93.5, unit: "percent", payload: { cpu: 0.5, tags: ["a"] } },
  { server: "server-2", value: "high", payload: null },
  { value: null, server: 7 },
  {},
  "text",
  42,
  null,
  [{ value: 1 }, { value: 2 }],
];

const expressions = [
  '{ "host": server, "cpu": value }',
  '{ "host": server, "nested": { "cpu": payload.cpu, "tags": payload.tags } }',
  "value * 2 + 1",
  "value / 0",
  'server & "-" & metric',
  "$",
  '{ "all": $, "unit": unit }',
  "payload.cpu % 0.3",
  '{ "1": value }',
  '{ "a": value, "a": server }',
  "$uppercase(server)",
];

describe("the fast path for transforms", () => {
  it.each(expressions)("agrees with jsonata on %s wherever it answers", async (source) => {
    const expression = jsonata(source);
    const fast = compileFastTransform(expression.ast());
    for (const input of inputs) {
      const result = fast ? fast(input) : TRANSFORM_FALLBACK;
      if (result === TRANSFORM_FALLBACK) continue;
      let expected: unknown;
      try {
        expected = await expression.evaluate(input);
      } catch (error) {
        expect.fail(
          `jsonata failed on ${JSON.stringify(input)} where the fast path answered: ${JSON.stringify(error)}`,
        );
      }
      expect(result).toEqual(expected);
    }
  });

  it("answers the common shapes itself", () => {
    const fast = compileFastTransform(jsonata('{ "host": server, "cpu": value * 100 }').ast());
    expect(fast?.({ server: "s", value: 0.5 })).toEqual({ host: "s", cpu: 50 });
    expect(compileFastTransform(jsonata("$uppercase(server)").ast())).toBeNull();
    expect(compileFastTransform(jsonata('{ "a": value, "a": server }').ast())).toBeNull();
  });
});
