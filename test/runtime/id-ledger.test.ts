import { describe, expect, it } from "vitest";
import { compareIds, IdCounter } from "./id-ledger";

describe("compareIds", () => {
  it("names the ids lost, duplicated and unexpected", () => {
    const received = new IdCounter();
    for (const id of [1, 2, 2, 4, 9]) received.add(id);
    const comparison = compareIds([1, 2, 3, 4], received.counts);
    expect(comparison).toEqual({
      expected: 4,
      delivered: 4,
      received: 5,
      lost: [3],
      lostCount: 1,
      duplicated: [2],
      duplicatedCount: 1,
      unexpectedCount: 1,
    });
  });

  it("finds nothing wrong when every id came out once", () => {
    const received = new IdCounter();
    for (const id of [3, 1, 2]) received.add(id);
    expect(compareIds([1, 2, 3], received.counts)).toMatchObject({
      lostCount: 0,
      duplicatedCount: 0,
      unexpectedCount: 0,
    });
  });
});
