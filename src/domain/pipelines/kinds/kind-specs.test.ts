import { describe, expect, it } from "vitest";
import { NODE_KINDS, type TFieldSpec } from "../kind-spec";
import { specOf } from "./index";

describe("every node kind's spec", () => {
  it.each(NODE_KINDS)("%s: its defaults are a valid config with a summary, fields and ports", (kind) => {
    const spec = specOf(kind);
    const config = spec.defaults();
    expect(spec.config.safeParse(config).success).toBe(true);
    expect(spec.description).not.toBe("");
    expect(spec.summary(config)).not.toBe("");
    expect(spec.fields(config).length).toBeGreaterThan(0);
    expect(spec.inputs(config)).toContain("in");
    expect(spec.outputs(config).length).toBeGreaterThan(0);
    expect(spec.createStep === null).toBe(spec.category === "topic");
  });

  it("every variant of a variant select is valid and shows its own fields", () => {
    for (const kind of NODE_KINDS) {
      const spec = specOf(kind);
      const config = spec.defaults() as Record<string, unknown>;
      for (const field of spec.fields(config)) {
        if (field.type !== "select" || !field.variants) continue;
        const holder = field.path.split(".")[0]!;
        const seen = new Set<string>();
        for (const option of field.options) {
          const variant = { ...config, [holder]: field.variants[option.value]!() };
          // Only the ONNX variant starts incomplete: the user must choose a model.
          const issues = spec.config.safeParse(variant).error?.issues ?? [];
          expect(issues.map((issue) => issue.path.join("."))).toEqual(
            option.value === "onnx" ? ["method.modelId"] : [],
          );
          seen.add(JSON.stringify(spec.fields(variant).map((f) => f.path)));
        }
        expect(seen.size).toBe(field.options.length);
      }
    }
  });

  it("route's ports are its route names and default; enrich reads a table", () => {
    const route = specOf("route");
    const config = {
      routes: [
        { name: "hot", predicate: "value > 90" },
        { name: "cold", predicate: "value < 5" },
      ],
      unmatched: "drop",
    };
    expect(route.outputs(config)).toEqual(["hot", "cold", "default"]);
    expect(specOf("enrich").inputs(specOf("enrich").defaults())).toEqual(["in", "table"]);
  });

  it("marks per-key steps: dedupe, window, z-score, ewma, enrich", () => {
    const clean = specOf("clean");
    expect(clean.perKey({ ...(clean.defaults() as object), dedupeWindowMs: 1000 })).toBe(true);
    expect(clean.perKey(clean.defaults())).toBe(false);
    expect(specOf("window").perKey(specOf("window").defaults())).toBe(true);
    expect(specOf("model").perKey(specOf("model").defaults())).toBe(true);
    const linear = {
      method: { type: "linear", features: [{ field: "a", weight: 1 }], intercept: 0 },
      outputField: "m",
    };
    expect(specOf("model").perKey(linear)).toBe(false);
    expect(specOf("filter").perKey(specOf("filter").defaults())).toBe(false);
  });

  it("every field's path names a field of the config its variant makes", () => {
    const read = (object: unknown, path: string) =>
      path.split(".").reduce<unknown>((at, name) => (at as Record<string, unknown> | undefined)?.[name], object);
    const check = (config: unknown, fields: readonly TFieldSpec[]) => {
      for (const field of fields) {
        // A nullable duration (the dedupe window) is null until set; everything else has a default.
        if (field.path !== "dedupeWindowMs") expect(read(config, field.path), field.path).not.toBeUndefined();
        if (field.type === "list") check(field.newItem(), field.item);
      }
    };
    for (const kind of NODE_KINDS) {
      const spec = specOf(kind);
      const config = spec.defaults() as Record<string, unknown>;
      check(config, spec.fields(config));
      for (const field of spec.fields(config)) {
        if (field.type !== "select" || !field.variants) continue;
        for (const make of Object.values(field.variants)) {
          const variant = { ...config, [field.path.split(".")[0]!]: make() };
          check(variant, spec.fields(variant));
        }
      }
    }
  });
});
