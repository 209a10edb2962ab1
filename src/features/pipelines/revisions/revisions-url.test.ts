import { describe, expect, it } from "vitest";
import type { TRevisionSummary } from "~/domain/pipelines/pipeline-dto";
import { chosenPair, revisionPairHref } from "./revisions-url";

const summary = (revision: number) => ({ revision }) as TRevisionSummary;

describe("the revisions page's pair", () => {
  it("opens what the last save changed by default", () => {
    expect(chosenPair([1, 2, 3].map(summary), { revision: null, against: null })).toEqual({ revision: 2, against: 3 });
    expect(chosenPair([summary(1)], { revision: null, against: null })).toEqual({ revision: 1, against: 1 });
    expect(chosenPair([], { revision: null, against: null })).toBeNull();
  });

  it("takes the URL's revisions when they exist", () => {
    expect(chosenPair([1, 2, 3].map(summary), { revision: "1", against: "2" })).toEqual({ revision: 1, against: 2 });
    expect(chosenPair([1, 2, 3].map(summary), { revision: "9", against: "x" })).toEqual({ revision: 2, against: 3 });
  });

  it("writes a shareable URL", () => {
    expect(revisionPairHref("c 1", "p1", { revision: 1, against: 3 })).toBe(
      "/clusters/c%201/pipelines/p1/revisions?revision=1&against=3",
    );
  });
});
