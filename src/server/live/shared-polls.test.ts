import { describe, expect, it } from "vitest";
import { stopWorker, workerStatuses } from "~/server/workers/worker-registry";
import { SharedPolls } from "./shared-polls";

async function take<T>(iterator: AsyncGenerator<T>, count: number): Promise<T[]> {
  const values: T[] = [];
  for await (const value of iterator) {
    values.push(value);
    if (values.length === count) break;
  }
  return values;
}

describe("SharedPolls", () => {
  it("runs one poll loop for many subscribers of the same key and stops it after the last leaves", async () => {
    let loopsStarted = 0;
    const polls = new SharedPolls<number>(async (_key, previous) => {
      if (previous === undefined) loopsStarted += 1; // each loop's first tick has no previous value
      return { value: (previous ?? 0) + 1, nextInMs: 1 };
    });
    const first = polls.subscribe("cluster-a");
    const second = polls.subscribe("cluster-a");
    const [a, b] = await Promise.all([take(first, 3), take(second, 3)]);

    expect(a.at(-1)).toBeGreaterThanOrEqual(3);
    expect(b.at(-1)).toBeGreaterThanOrEqual(3);
    expect(loopsStarted).toBe(1);
    expect(polls.activeKeys()).toEqual([]);
  });

  it("ends a subscription when its signal aborts", async () => {
    const polls = new SharedPolls<string>(async () => ({ value: "snapshot", nextInMs: 60_000 }));
    const controller = new AbortController();
    const iterator = polls.subscribe("cluster-b", controller.signal);
    expect((await iterator.next()).value).toBe("snapshot");
    const next = iterator.next();
    controller.abort();
    expect((await next).done).toBe(true);
    expect(polls.activeKeys()).toEqual([]);
  });

  it("gives a late subscriber the latest value at once", async () => {
    let calls = 0;
    const polls = new SharedPolls<number>(async () => ({ value: ++calls, nextInMs: 60_000 }));
    const controller = new AbortController();
    const early = polls.subscribe("cluster-c", controller.signal);
    await early.next();
    const late = polls.subscribe("cluster-c", controller.signal);
    expect((await late.next()).value).toBe(1);
    expect(calls).toBe(1);
    controller.abort();
    await Promise.all([early.return(undefined), late.return(undefined)]);
  });
});

describe("SharedPolls in the worker registry", () => {
  it("lists a running loop with its passes and problem, and ends every subscriber when stopped from the registry", async () => {
    const name = `live.test ${Date.now()}`;
    const polls = new SharedPolls<string>(async () => ({ value: "down", nextInMs: 1 }), {
      describe: () => ({ name, description: "a test loop" }),
      problemOf: (value) => (value === "down" ? "Kafka does not answer." : null),
    });
    const subscriber = polls.subscribe("cluster-a");
    await subscriber.next();
    expect(workerStatuses().find((worker) => worker.name === name)).toMatchObject({
      state: "running",
      lastError: "Kafka does not answer.",
    });
    await stopWorker(name);
    // The stream ends (done) rather than waiting for a value that will never come.
    let result = await subscriber.next();
    while (!result.done) result = await subscriber.next();
    expect(result.done).toBe(true);
    expect(polls.activeKeys()).toEqual([]);
  });
});
