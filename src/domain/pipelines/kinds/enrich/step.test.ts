import { describe, expect, it } from "vitest";
import { recordOf, runStep } from "../../engine/step-test-kit";

const tables = { "servers.state": new Map<string, unknown>([["server-1-cpu", { rack: "r7", owner: "ops" }]]) };
const reading = { metric: "cpu", value: 42 };

describe("the enrich step", () => {
  it.each([
    { name: "adds the table's value for the key", key: "server-1-cpu", missing: "keep", want: "out", enriched: true },
    {
      name: "keeps a record the table has no row for",
      key: "server-9-cpu",
      missing: "keep",
      want: "out",
      enriched: false,
    },
    { name: "drops it when told to", key: "server-9-cpu", missing: "drop", want: null, enriched: false },
    {
      name: "dead-letters it when told to",
      key: "server-9-cpu",
      missing: "dead-letter",
      want: "dead-letter",
      enriched: false,
    },
    {
      name: "treats an unkeyed record as missing",
      key: null,
      missing: "dead-letter",
      want: "dead-letter",
      enriched: false,
    },
  ])("$name", async ({ key, missing, want, enriched }) => {
    const emitted = await runStep("enrich", { as: "server.info", missing }, [recordOf(reading, { key })], {
      tables,
      tableTopic: "servers.state",
    });
    expect(emitted.map((e) => e.port)).toEqual(want === null ? [] : [want]);
    if (want === "out") {
      expect(emitted[0]?.value).toEqual(
        enriched ? { ...reading, server: { info: { rack: "r7", owner: "ops" } } } : reading,
      );
    }
    if (want === "dead-letter") {
      expect(emitted[0]?.reason).toBe(
        key === null
          ? "The record has no key to look up in servers.state."
          : 'servers.state has no value for the key "server-9-cpu".',
      );
    }
  });

  it("sends a value that is not an object to the dead-letter port", async () => {
    const emitted = await runStep("enrich", { as: "server" }, [recordOf("oops")], {
      tables,
      tableTopic: "servers.state",
    });
    expect(emitted).toEqual([
      {
        port: "dead-letter",
        key: "server-1-cpu",
        value: "oops",
        reason: "The value is not a JSON object, so the table's value cannot be put under server.",
      },
    ]);
  });

  it("cannot be built without a topic on its table port", async () => {
    await expect(runStep("enrich", { as: "server" }, [])).rejects.toThrow(
      /Connect a compacted topic to the table port/,
    );
  });
});
