import { describe, expect, it } from "vitest";
import { mergeLanes, pageBoundaries, type TLane, type TMergeItem } from "./browse-merge";

/** A partition held in memory: offset i has timestamp times[i]; refills hand over `chunk` at a time. */
function memoryLog(partition: number, times: number[]) {
  return times.map((time, offset) => ({ partition, offset: BigInt(offset), timestamp: String(time) }));
}

type TMemoryLane = TLane<TMergeItem> & { position: number; log: TMergeItem[] };

function lanes(logs: TMergeItem[][], direction: "after" | "before", bounds: number[]): TMemoryLane[] {
  return logs.map((log, partition) => ({
    partition,
    items: [],
    log,
    position: bounds[partition]!,
    isDone: direction === "after" ? bounds[partition]! >= log.length : bounds[partition]! <= 0,
  }));
}

function refiller(direction: "after" | "before", chunk: number, rounds: number[][]) {
  return async (dry: TLane<TMergeItem>[]) => {
    rounds.push(dry.map((lane) => lane.partition));
    for (const lane of dry as TMemoryLane[]) {
      if (direction === "after") {
        lane.items.push(...lane.log.slice(lane.position, lane.position + chunk));
        lane.position = Math.min(lane.log.length, lane.position + chunk);
        lane.isDone = lane.position >= lane.log.length;
      } else {
        const from = Math.max(0, lane.position - chunk);
        lane.items.push(...lane.log.slice(from, lane.position).reverse());
        lane.position = from;
        lane.isDone = from === 0;
      }
    }
  };
}

const key = (item: TMergeItem) => `${item.partition}:${item.offset}`;

describe("browse merge", () => {
  const logs = [memoryLog(0, [1, 4, 5, 9]), memoryLog(1, [2, 3, 6, 7, 8])];

  it("takes the oldest records across partitions, refilling dry partitions together", async () => {
    const rounds: number[][] = [];
    const taken = await mergeLanes(lanes(logs, "after", [0, 0]), "after", 5, refiller("after", 2, rounds));
    expect(taken.map(key)).toEqual(["0:0", "1:0", "1:1", "0:1", "0:2"]);
    expect(rounds[0]).toEqual([0, 1]);
  });

  it("takes the newest records before the bounds when reading backward", async () => {
    const taken = await mergeLanes(lanes(logs, "before", [4, 5]), "before", 3, refiller("before", 2, []));
    expect(taken.map(key)).toEqual(["0:3", "1:4", "1:3"]);
  });

  it("pages forward and back over all partitions without gaps or repeats", async () => {
    const seen: string[] = [];
    let bounds = new Map([
      [0, 0n],
      [1, 0n],
    ]);
    for (let page = 0; page < 6; page++) {
      const current = lanes(logs, "after", [Number(bounds.get(0)), Number(bounds.get(1))]);
      const taken = await mergeLanes(current, "after", 2, refiller("after", 1, []));
      expect(taken.length).toBe(page < 4 ? 2 : page === 4 ? 1 : 0);
      seen.push(...taken.map(key));
      bounds = pageBoundaries(bounds, taken, "after");
    }
    expect(seen.sort()).toEqual([...logs[0]!, ...logs[1]!].map(key).sort());

    // Back from the end, in pages of 3, returns every record once.
    const back: string[] = [];
    let before = new Map([
      [0, 4n],
      [1, 5n],
    ]);
    for (let page = 0; page < 3; page++) {
      const current = lanes(logs, "before", [Number(before.get(0)), Number(before.get(1))]);
      const taken = await mergeLanes(current, "before", 3, refiller("before", 2, []));
      back.push(...taken.map(key));
      before = pageBoundaries(before, taken, "before");
    }
    expect(back.sort()).toEqual(seen.sort());
  });

  it("keeps each partition in offset order even when timestamps go backwards", async () => {
    const skewed = [memoryLog(0, [10, 1, 2]), memoryLog(1, [5])];
    const taken = await mergeLanes(lanes(skewed, "after", [0, 0]), "after", 2, refiller("after", 3, []));
    expect(taken.map(key)).toEqual(["1:0", "0:0"]);
    expect(
      pageBoundaries(
        new Map([
          [0, 0n],
          [1, 0n],
        ]),
        taken,
        "after",
      ),
    ).toEqual(
      new Map([
        [0, 1n],
        [1, 1n],
      ]),
    );
  });

  it("stops when every partition is exhausted", async () => {
    const taken = await mergeLanes(lanes(logs, "after", [3, 5]), "after", 10, refiller("after", 2, []));
    expect(taken.map(key)).toEqual(["0:3"]);
  });
});
