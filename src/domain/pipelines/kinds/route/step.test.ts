import { describe, expect, it } from "vitest";
import { recordOf, runStep } from "../../engine/step-test-kit";

const routes = [
  { name: "critical", predicate: "value > 95" },
  { name: "high", predicate: "value > 80" },
  { name: "listed", predicate: "$count(tags) > 0" },
];

describe("the route step", () => {
  it.each([
    { value: { value: 99 }, unmatched: "default", port: "critical" },
    { value: { value: 85 }, unmatched: "default", port: "high" },
    { value: { value: 10, tags: ["a"] }, unmatched: "default", port: "listed" },
    { value: { value: 10 }, unmatched: "default", port: "default" },
    { value: { value: 10 }, unmatched: "drop", port: null },
    { value: { value: 10 }, unmatched: "dead-letter", port: "dead-letter" },
    { value: "not json", unmatched: "default", port: "default" },
  ])("sends $value to $port when unmatched is $unmatched", async ({ value, unmatched, port }) => {
    const emitted = await runStep("route", { routes, unmatched }, [recordOf(value)]);
    expect(emitted.map((e) => e.port)).toEqual(port === null ? [] : [port]);
    if (port === "dead-letter") expect(emitted[0]?.reason).toBe("No route matched this record.");
  });

  it("takes the first matching route, in order, for every record", async () => {
    const values = [99, 85, 10, 97].map((value) => recordOf({ value }));
    const emitted = await runStep("route", { routes, unmatched: "drop" }, values);
    expect(emitted.map((e) => e.port)).toEqual(["critical", "high", "critical"]);
  });
});
