/**
 * A diff of behaviour: two runs (two revisions over the same input records) compared by what they
 * wrote to each topic for each input record.
 */
import type { TRevisionComparison } from "../pipeline-dto";
import type { TStepRecord } from "../step-types";
import type { TEngineRun, TSourceRecords, TTopicOutput } from "./run-document";

type TComparison = Pick<TRevisionComparison, "topics" | "differences">;
type TWritten = { key: string | null; value: unknown };
type TSides = { a: TWritten[]; b: TWritten[]; first: TStepRecord; source: TTopicOutput["source"] };

const MAX_DIFFERENCES = 100;

/**
 * Outputs match by the input record they came from (its topic, partition and offset) and the
 * topic they went to; an input record differs on a topic when the two lists of key and value it
 * wrote there differ. Pass the runs' `sources` to show each difference with its input record;
 * without them the first output stands in for it.
 */
export function compareRuns(a: TEngineRun, b: TEngineRun, sources?: TSourceRecords): TComparison {
  const byTopic = new Map<string, Map<string, TSides>>();
  const collect = (run: TEngineRun, side: "a" | "b") => {
    for (const output of run.outputs) {
      let bySource = byTopic.get(output.topic);
      if (!bySource) byTopic.set(output.topic, (bySource = new Map()));
      const id = positionId(output.source);
      let sides = bySource.get(id);
      if (!sides) bySource.set(id, (sides = { a: [], b: [], first: output.record, source: output.source }));
      sides[side].push({ key: output.record.key, value: output.record.value });
    }
  };
  collect(a, "a");
  collect(b, "b");

  const inputs = new Map<string, TStepRecord>();
  for (const { records } of sources ?? []) for (const record of records) inputs.set(positionId(record), record);

  const comparison: TComparison = { topics: [], differences: [] };
  for (const [topic, bySource] of byTopic) {
    const counts = { topic, countA: 0, countB: 0, same: 0, differ: 0 };
    for (const sides of bySource.values()) {
      counts.countA += sides.a.length;
      counts.countB += sides.b.length;
      if (sameWrites(sides.a, sides.b)) {
        counts.same++;
        continue;
      }
      counts.differ++;
      if (comparison.differences.length < MAX_DIFFERENCES) {
        const input = inputs.get(positionId(sides.source)) ?? sides.first;
        comparison.differences.push({ input, topic, a: sides.a, b: sides.b });
      }
    }
    comparison.topics.push(counts);
  }
  comparison.topics.sort((x, y) => x.topic.localeCompare(y.topic));
  return comparison;
}

function positionId(position: { topic: string; partition: number; offset: string }): string {
  return `${position.topic}\u0000${position.partition}\u0000${position.offset}`;
}

function sameWrites(a: readonly TWritten[], b: readonly TWritten[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((write, i) => write.key === b[i]!.key && sameJson(write.value, b[i]!.value));
}

/** Deep equality of JSON-like values; the order of an object's fields does not matter. */
export function sameJson(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x === "number" && typeof y === "number") return Number.isNaN(x) && Number.isNaN(y);
  if (x === null || y === null || typeof x !== "object" || typeof y !== "object") return false;
  if (Array.isArray(x) !== Array.isArray(y)) return false;
  if (Array.isArray(x)) {
    const other = y as unknown[];
    return x.length === other.length && x.every((item, i) => sameJson(item, other[i]));
  }
  const xs = x as Record<string, unknown>;
  const ys = y as Record<string, unknown>;
  const keys = Object.keys(xs);
  if (keys.length !== Object.keys(ys).length) return false;
  return keys.every((key) => Object.prototype.hasOwnProperty.call(ys, key) && sameJson(xs[key], ys[key]));
}
