import { describe, expect, it } from "vitest";
import { reuseUnchanged } from "./reuse-unchanged";

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
