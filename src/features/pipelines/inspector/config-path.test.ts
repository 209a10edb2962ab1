import { describe, expect, it } from "vitest";
import { getAt, issuesAt, setAt, toIssues, unplacedIssues } from "./config-path";

describe("config paths", () => {
  it("reads nested objects and list items", () => {
    const config = { window: { sizeMs: 60_000 }, routes: [{ name: "hot" }] };
    expect(getAt(config, "window.sizeMs")).toBe(60_000);
    expect(getAt(config, "routes.0.name")).toBe("hot");
    expect(getAt(config, "routes.3.name")).toBeUndefined();
    expect(getAt(config, "")).toBe(config);
  });

  it("writes a copy, leaving the original and its siblings alone", () => {
    const config = { window: { sizeMs: 60_000, type: "tumbling" }, routes: [{ name: "hot" }, { name: "cold" }] };
    const next = setAt(config, "routes.1.name", "warm") as typeof config;
    expect(next.routes).toEqual([{ name: "hot" }, { name: "warm" }]);
    expect(Array.isArray(next.routes)).toBe(true);
    expect(config.routes[1]?.name).toBe("cold");
    expect(next.window).toBe(config.window);
    expect(setAt(config, "window.sizeMs", 1_000)).toEqual({ ...config, window: { sizeMs: 1_000, type: "tumbling" } });
  });

  it("creates missing objects on the way", () => {
    expect(setAt({}, "method.field", "value")).toEqual({ method: { field: "value" } });
  });

  it("puts each zod issue under the field it names, and keeps the others", () => {
    const issues = toIssues([
      { path: ["method", "threshold"], message: "The threshold must be above 0." },
      { path: ["routes", 0, "when"], message: "Write a predicate." },
      { path: [], message: "Something across fields." },
    ]);
    expect(issuesAt(issues, "method.threshold")).toEqual(["The threshold must be above 0."]);
    expect(issuesAt(issues, "routes")).toEqual(["Write a predicate."]);
    expect(issuesAt(issues, "method.field")).toEqual([]);
    expect(unplacedIssues(issues, ["method.threshold", "routes"]).map((issue) => issue.message)).toEqual([
      "Something across fields.",
    ]);
  });
});
