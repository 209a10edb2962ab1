import { describe, expect, it } from "vitest";
import { toCanvas } from "~/domain/pipelines/canvas";
import { liveDecorations } from "../runtime/live-decorations";
import { chain, overlay, step } from "../runtime/test-overlay";
import { decorateCanvas } from "./decorate-canvas";
import { isSameNode, reuseUnchanged } from "./reuse-unchanged";

type TItem = { id: string; value: number };
const same = (a: TItem, b: TItem) => a.value === b.value;

describe("reuseUnchanged", () => {
  it("hands back the previous object of an unchanged item and the new one of a changed item", () => {
    const cache = new Map<string, TItem>();
    const first = reuseUnchanged(
      cache,
      [
        { id: "a", value: 1 },
        { id: "b", value: 2 },
      ],
      same,
    );
    const second = reuseUnchanged(
      cache,
      [
        { id: "a", value: 1 },
        { id: "b", value: 3 },
      ],
      same,
    );
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1]).toEqual({ id: "b", value: 3 });
  });

  it("forgets removed items, so one coming back with the same id is taken fresh", () => {
    const cache = new Map<string, TItem>();
    reuseUnchanged(cache, [{ id: "a", value: 1 }], same);
    reuseUnchanged(cache, [], same);
    expect(cache.size).toBe(0);
  });
});

describe("isSameNode with live marks", () => {
  it("keeps a node whose live marks read the same and redraws one whose rates changed", () => {
    const derive = (inRate: number, at: Date) =>
      decorateCanvas(
        toCanvas(chain, [], new Set()),
        null,
        new Set(),
        liveDecorations(chain, overlay({ at, steps: { "clean-1": step("clean-1", { inRate }) } })),
      ).nodes.find((node) => node.id === "clean-1")!;
    const first = derive(1_200, new Date(1_000));
    expect(isSameNode(first, derive(1_210, new Date(2_000)))).toBe(true);
    expect(isSameNode(first, derive(800, new Date(2_000)))).toBe(false);
  });
});
