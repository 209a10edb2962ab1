import { describe, expect, it } from "vitest";
import { ZPipelineDocument } from "../document";
import { compareRuns, sameJson } from "./compare-runs";
import { memoryHosts } from "./memory-host";
import { runDocument } from "./run-document";
import { recordOf } from "./step-test-kit";

const at = { x: 0, y: 0 };
const scoring = (threshold: number) =>
  ZPipelineDocument.parse({
    name: "scores",
    settings: { deadLetterTopic: "dead" },
    nodes: [
      { id: "raw", kind: "topic", position: at, config: { topicName: "raw" } },
      {
        id: "score",
        kind: "model",
        position: at,
        config: { method: { type: "logistic", features: [{ field: "x", weight: 1 }], intercept: 0, threshold } },
      },
      { id: "out", kind: "topic", position: at, config: { topicName: "scored" } },
    ],
    edges: [
      { id: "e1", source: "raw", target: "score" },
      { id: "e2", source: "score", target: "out" },
    ],
  });

describe("compareRuns", () => {
  it("counts per topic which input records' outputs differ, with both sides", async () => {
    const records = [-3, 0.5, 3].map((x, i) => recordOf({ x }, { topic: "raw", offset: String(i) }));
    records.push(recordOf({ y: 1 }, { topic: "raw", offset: "3" }));
    const sources = [{ topic: "raw", records }];
    const a = await runDocument(scoring(0.5), sources, memoryHosts());
    const b = await runDocument(scoring(0.7), sources, memoryHosts());
    const comparison = compareRuns(a, b, sources);
    expect(comparison.topics).toEqual([
      { topic: "dead", countA: 1, countB: 1, same: 1, differ: 0 },
      { topic: "scored", countA: 3, countB: 3, same: 2, differ: 1 },
    ]);
    expect(comparison.differences).toHaveLength(1);
    const [difference] = comparison.differences;
    expect(difference!.input).toBe(records[1]);
    expect(difference!.a[0]!.value).toMatchObject({ model: { label: true } });
    expect(difference!.b[0]!.value).toMatchObject({ model: { label: false } });
  });

  it("finds nothing between a run and itself", async () => {
    const sources = [{ topic: "raw", records: [recordOf({ x: 1 }, { topic: "raw" })] }];
    const a = await runDocument(scoring(0.5), sources, memoryHosts());
    expect(compareRuns(a, a).differences).toEqual([]);
  });

  it.each([
    [{ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }, true],
    [{ a: 1 }, { a: 1, b: undefined }, false],
    [[1, 2], [2, 1], false],
    [null, {}, false],
  ])("compares %j and %j as JSON: %s", (x, y, same) => {
    expect(sameJson(x, y)).toBe(same);
  });
});
