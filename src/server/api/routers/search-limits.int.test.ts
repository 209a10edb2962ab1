import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { TCluster } from "~/domain/cluster";
import type { TMessage } from "~/domain/messages/message";
import type { TSearchEvent, TSearchInput } from "~/domain/messages/search-query";
import { LOCAL_OPERATOR, type Actor } from "~/server/auth/actor";
import { deleteClusterRecord, upsertClusterByName } from "~/server/db/clusters";
import { disconnectAllClusters, withAdmin, withProducer } from "~/server/kafka/client-registry";
import { createTopic } from "~/server/kafka/topics/create-topic";
import { closeJsonataPool } from "~/server/services/expressions/jsonata-pool";
import { limiter } from "~/server/services/limits/limits";
import { createCaller } from "../root";

/**
 * Hostile filters and many searches at once: a search can no longer stall the server for other
 * users, and one user cannot take every search slot.
 */
const brokers = inject("kafkaBrokers");
const prefix = `int-search-limits-${Date.now().toString(36)}`;
const topic = `${prefix}-t`;
const TOTAL = 20_000;
const OTHER_USER: Actor = { id: `${prefix}-other`, name: "Another viewer", role: "viewer" };
let cluster: TCluster;

type TEvent = TSearchEvent<TMessage>;

function input(overrides: Partial<TSearchInput>): TSearchInput {
  return {
    clusterId: cluster.id,
    topic,
    partition: null,
    kind: "jsonata",
    query: "true",
    from: null,
    to: null,
    maxMessages: 1_000_000,
    maxSeconds: 120,
    maxResults: 500,
    ...overrides,
  };
}

const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.floor(q * (values.length - 1))]!;

/**
 * Runs a search to its end while another user lists clusters back to back, and returns the
 * search's last event with the other user's latencies, each stamped with when it was answered.
 */
async function searchWhileOthersAsk(overrides: Partial<TSearchInput> & { query: string }) {
  const { query } = overrides;
  const answered: { at: number; ms: number }[] = [];
  let isSearching = true;
  const other = createCaller({ actor: OTHER_USER });
  const probe = (async () => {
    while (isSearching) {
      const started = performance.now();
      await other.clusters.list();
      answered.push({ at: performance.now(), ms: performance.now() - started });
    }
  })();
  const events: TEvent[] = [];
  try {
    for await (const event of await createCaller({ actor: LOCAL_OPERATOR }).messages.search(input(overrides))) {
      events.push(event);
    }
  } finally {
    isSearching = false;
  }
  const endedAt = performance.now();
  await probe;
  const during = answered.filter((one) => one.at < endedAt).map((one) => one.ms);
  console.log(
    `while searching with ${query}: ${during.length} clusters.list answered, median ${quantile(during, 0.5)?.toFixed(1)} ms, max ${Math.max(...during).toFixed(1)} ms`,
  );
  return { done: events.at(-1)!, answeredDuring: during.length };
}

beforeAll(async () => {
  cluster = await upsertClusterByName(`${prefix}-cluster`, brokers);
  await createTopic(
    cluster,
    { name: topic, partitions: 2, replicationFactor: 1, configs: {} },
    { validateOnly: false },
  );
  await withProducer(cluster, async (producer) => {
    for (let first = 0; first < TOTAL; first += 5_000) {
      await producer.send({
        topic,
        messages: Array.from({ length: 5_000 }, (_, at) => ({
          partition: (first + at) % 2,
          key: `k-${first + at}`,
          value: JSON.stringify({ index: first + at, text: "a".repeat(40) }),
        })),
      });
    }
  });
}, 180_000);

afterAll(async () => {
  await withAdmin(cluster, (admin) => admin.deleteTopics({ topics: [topic] }));
  await deleteClusterRecord(cluster.id);
  await disconnectAllClusters();
  await closeJsonataPool();
});

describe("a hostile filter", () => {
  it("runs a backtracking regular expression in linear time (RE2) while other requests are answered", async () => {
    const { done, answeredDuring } = await searchWhileOthersAsk({
      query: '$contains($pad("", 40, "a") & "b", /^(a|a)*$/)',
      partition: 0,
      to: { type: "offset", offset: "1999" },
    });
    expect(done).toMatchObject({ type: "done", status: "complete", scanned: 2_000, matches: 0 });
    expect(answeredDuring).toBeGreaterThan(0);
  });

  it("runs $pad of fifty million characters off the main thread, while other requests are answered", async () => {
    // In a worker each evaluation fits its budget: the search ends at its result cap.
    const { done, answeredDuring } = await searchWhileOthersAsk({ query: '$pad("", 50000000)', maxResults: 50 });
    expect(done).toMatchObject({ type: "done", status: "partial", matches: 50 });
    expect(answeredDuring).toBeGreaterThan(0);
  });

  it("stops a single step too big for its budget with a sentence, while other requests are answered", async () => {
    const { done, answeredDuring } = await searchWhileOthersAsk({ query: '$length($pad("", 50000000, "ab")) > 0' });
    expect(done.type === "done" && done.sentence).toMatch(
      /^Partial: The filter (took longer than its budget of 250 ms|needed more than its memory budget of \d+ MiB) on offset 0 of partition [01] and was stopped/,
    );
    expect(answeredDuring).toBeGreaterThan(0);
  });

  it("stops a filter that allocates far past its heap in one step, and the server keeps answering", async () => {
    // In a worker thread, an allocation this far past the heap limit can abort the whole server; in a worker
    // process only the worker dies. At a budget of 250 ms the watchdog usually stops it before the heap limit
    // does; jsonata-pool.test.ts checks the heap limit itself, with a long budget.
    const { done, answeredDuring } = await searchWhileOthersAsk({ query: '$length($pad("x", 500000000)) > 0' });
    expect(done.type === "done" && done.sentence).toMatch(
      /^Partial: The filter (needed more than its memory budget of \d+ MiB|took longer than its budget of 250 ms) on offset 0 of partition [01] and was stopped/,
    );
    expect(answeredDuring).toBeGreaterThan(0);
    const events: TEvent[] = [];
    const next = await createCaller({ actor: OTHER_USER }).messages.search(
      input({ query: "$contains(value.text, /a+/)", maxMessages: 100 }),
    );
    for await (const event of next) events.push(event);
    expect(events.at(-1)).toMatchObject({ type: "done", status: "partial", scanned: 100, matches: 100 });
  });

  it("refuses a regular expression RE2 cannot run before reading anything", async () => {
    const caller = createCaller({ actor: LOCAL_OPERATOR });
    const stream = await caller.messages.search(input({ query: "$contains(value.text, /(a)\\1/)" }));
    await expect(stream[Symbol.asyncIterator]().next()).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^The regular expression \/\(a\)\\1\/ cannot run on RE2/),
    });
  });
});

describe("search limits", () => {
  it("refuses a user's fourth search at once with a sentence, while another user may still search", async () => {
    const controller = new AbortController();
    const mine = createCaller({ actor: LOCAL_OPERATOR }, { signal: controller.signal });
    // Slow enough (jsonata in the workers, a range per message) to still run when the fourth starts.
    const slow = input({ query: "$count([1..20000]) < 0" });
    const running = await Promise.all(
      [1, 2, 3].map(async () => (await mine.messages.search(slow))[Symbol.asyncIterator]()),
    );
    // Settled in `finally`; a handler now keeps a failure from being reported as unhandled.
    const firsts = running.map((iterator) => iterator.next().catch((error: unknown) => error));
    try {
      await vi.waitFor(() => expect(limiter.active("search", LOCAL_OPERATOR.id)).toBe(3), { timeout: 30_000 });
      const fourth = await createCaller({ actor: LOCAL_OPERATOR }).messages.search(slow);
      await expect(fourth[Symbol.asyncIterator]().next()).rejects.toMatchObject({
        code: "CONFLICT",
        message: "You already run 3 searches, the most one user may run at once (SEARCH_LIMIT_PER_USER).",
      });
      const theirs = await createCaller({ actor: OTHER_USER }).messages.search(input({ maxMessages: 10 }));
      const events: TEvent[] = [];
      for await (const event of theirs) events.push(event);
      expect(events.at(-1)).toMatchObject({ type: "done", status: "partial", scanned: 10, matches: 10 });
    } finally {
      controller.abort();
      await Promise.allSettled(firsts);
      await Promise.allSettled(running.map((iterator) => iterator.return?.()));
    }
    await vi.waitFor(() => expect(limiter.active("search", LOCAL_OPERATOR.id)).toBe(0), { timeout: 30_000 });
  });

  it("refuses a budget above the server's ceiling with a sentence naming the variable", async () => {
    const stream = await createCaller({ actor: LOCAL_OPERATOR }).messages.search(input({ maxResults: 50_000 }));
    await expect(stream[Symbol.asyncIterator]().next()).rejects.toMatchObject({
      message:
        "This server allows at most 10,000 matches per search (SEARCH_MAX_RESULTS); the search asked for 50,000.",
    });
  });
});
