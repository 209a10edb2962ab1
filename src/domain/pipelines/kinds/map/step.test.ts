import { describe, expect, it } from "vitest";
import { recordOf, runStep } from "../../engine/step-test-kit";

const reading = { server: "server-1", metric: "cpu", value: 93.5 };

describe("the map step", () => {
  it.each([
    {
      name: "replaces the value and keeps the key",
      config: { expression: '{ "host": server, "cpu": value }' },
      want: [{ port: "out", key: "server-1-cpu", value: { host: "server-1", cpu: 93.5 } }],
    },
    {
      name: "gives the record a new key from the key expression",
      config: { expression: "value", keyExpression: 'server & "/" & metric' },
      want: [{ port: "out", key: "server-1/cpu", value: 93.5 }],
    },
    {
      name: "sends a record the expression gives nothing for to the dead-letter port",
      config: { expression: "missing.field" },
      want: [
        {
          port: "dead-letter",
          key: "server-1-cpu",
          value: reading,
          reason: "The expression gave no value for this record.",
        },
      ],
    },
    {
      name: "refuses a key that is not text, a number or true/false",
      config: { expression: "$", keyExpression: '{ "a": 1 }' },
      want: [
        {
          port: "dead-letter",
          key: "server-1-cpu",
          value: reading,
          reason: "The key expression gave an object, not a key.",
        },
      ],
    },
  ])("$name", async ({ config, want }) => {
    expect(await runStep("map", config, [recordOf(reading)])).toEqual(want);
  });

  it("leaves the input record as it was", async () => {
    const input = recordOf({ ...reading });
    await runStep("map", { expression: '$merge([$, { "seen": true }])' }, [input]);
    expect(input.value).toEqual(reading);
  });
});
