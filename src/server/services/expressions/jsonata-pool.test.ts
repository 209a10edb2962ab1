import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_JSONATA_BUDGET } from "~/domain/jsonata/compile";
import { env } from "~/env";
import type { TFetchedRecord } from "~/server/kafka/messages/fetched-record";
import { closeJsonataPool, jsonataPool } from "./jsonata-pool";

afterAll(closeJsonataPool);

function record(n: number): TFetchedRecord {
  return {
    partition: 0,
    offset: BigInt(n),
    timestamp: "1700000000000",
    timestampType: "CreateTime",
    key: null,
    value: Buffer.from(JSON.stringify({ n })),
    headers: [],
  };
}

const expression = (source: string, timeoutMs = DEFAULT_JSONATA_BUDGET.timeoutMs) => ({
  source,
  budget: { ...DEFAULT_JSONATA_BUDGET, timeoutMs },
  walksDescendants: false,
});
const records = (count: number) => Array.from({ length: count }, (_, n) => record(n));

describe("the JSONata worker processes", () => {
  it("name the very record that ran past its budget, and keep the matches before it", async () => {
    const outcome = await jsonataPool().evaluate(
      expression('value.n = 3 ? $length($pad("", 50000000, "ab")) > 0 : value.n % 2 = 0'),
      records(6),
      new AbortController().signal,
    );
    expect(outcome.evaluated).toBe(3);
    expect(outcome.failure).toEqual({ kind: "deadline", budgetMs: DEFAULT_JSONATA_BUDGET.timeoutMs });
    expect([...outcome.matches.subarray(0, 3)]).toEqual([1, 0, 1]);
  });

  it("stop a record that allocates far past the heap limit as a memory failure, and keep working", async () => {
    // A generous time budget, so that the heap limit is what stops it; in a thread this aborted the server.
    const outcome = await jsonataPool().evaluate(
      expression('value.n = 1 ? $length($pad("x", 500000000)) > 0 : true', 30_000),
      records(3),
      new AbortController().signal,
    );
    expect(outcome).toMatchObject({ evaluated: 1, failure: { kind: "memory", limitMb: env.JSONATA_WORKER_MEMORY_MB } });
    expect(outcome.matches[0]).toBe(1);
    const next = await jsonataPool().evaluate(expression("value.n >= 1"), records(3), new AbortController().signal);
    expect(next).toMatchObject({ evaluated: 3, failure: null });
    expect([...next.matches]).toEqual([0, 1, 1]);
  });
});
