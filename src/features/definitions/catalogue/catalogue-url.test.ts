import { describe, expect, it } from "vitest";
import type { TDefinitionSummary } from "~/domain/definitions/definition-dto";
import {
  catalogueViewToSearch,
  EMPTY_CATALOGUE_VIEW,
  groupByLayer,
  matchesCatalogueView,
  parseCatalogueView,
} from "./catalogue-url";

function summary(change: Partial<TDefinitionSummary>): TDefinitionSummary {
  return {
    topicName: "telemetry.raw",
    layer: "raw",
    owner: "sensors team",
    tags: ["metrics"],
    description: "",
    schemaFormat: "json",
    latestSchemaVersion: 1,
    drift: { state: "in-sync", fieldCount: 0 },
    conformance: null,
    ...change,
  };
}

describe("the catalogue's URL", () => {
  it("round-trips every filter", () => {
    const view = { search: "cpu load", layer: "clean" as const, tag: "metrics", owner: "sre" };
    const search = catalogueViewToSearch(view);
    expect(parseCatalogueView(new URLSearchParams(search))).toEqual(view);
  });

  it("leaves a plain catalogue with a plain URL", () => {
    expect(catalogueViewToSearch(EMPTY_CATALOGUE_VIEW)).toBe("");
  });

  it("ignores a layer that does not exist", () => {
    expect(parseCatalogueView(new URLSearchParams("layer=gold")).layer).toBeNull();
  });
});

describe("matching a definition", () => {
  it.each([
    ["a part of the name", "telemetry", true],
    ["the owner", "sensors", true],
    ["a tag", "metrics", true],
    ["the layer's label", "raw data", true],
    ["words that hit different fields", "telemetry sensors", true],
    ["a word nothing holds", "orders", false],
    ["a mix of hit and miss", "telemetry orders", false],
  ])("searches %s", (_what, search, expected) => {
    expect(matchesCatalogueView(summary({}), { ...EMPTY_CATALOGUE_VIEW, search })).toBe(expected);
  });

  it("filters by layer, tag and owner exactly", () => {
    const definition = summary({});
    expect(matchesCatalogueView(definition, { ...EMPTY_CATALOGUE_VIEW, layer: "clean" })).toBe(false);
    expect(matchesCatalogueView(definition, { ...EMPTY_CATALOGUE_VIEW, tag: "metric" })).toBe(false);
    expect(matchesCatalogueView(definition, { ...EMPTY_CATALOGUE_VIEW, owner: "Sensors Team" })).toBe(true);
    expect(matchesCatalogueView(definition, { ...EMPTY_CATALOGUE_VIEW, owner: "sensors" })).toBe(false);
  });
});

describe("grouping by layer", () => {
  it("orders groups raw → prototypes and rows by name, leaving out empty layers", () => {
    const groups = groupByLayer(
      [
        summary({ topicName: "z.proto", layer: "prototype" }),
        summary({ topicName: "b.raw" }),
        summary({ topicName: "a.raw" }),
        summary({ topicName: "scores", layer: "results" }),
      ],
      EMPTY_CATALOGUE_VIEW,
    );
    expect(groups.map((group) => [group.label, group.definitions.map((d) => d.topicName)])).toEqual([
      ["Raw data", ["a.raw", "b.raw"]],
      ["Model results", ["scores"]],
      ["Prototypes", ["z.proto"]],
    ]);
  });
});
