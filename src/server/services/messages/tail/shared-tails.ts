import "server-only";
import { setTimeout as delay } from "node:timers/promises";
import type { TTailStatus } from "~/domain/messages/tail-batch";
import type { ClusterTarget } from "~/server/kafka/client-registry";
import { readTail } from "~/server/kafka/messages/tail-reader";
import { lookupTopicSchema } from "../schemas/topic-schema";
import { toMessage } from "../to-message";
import { TAIL_BATCH_MAX, TAIL_BATCH_MS } from "./tail-limits";
import { TailLanes, type TTailSubscriber } from "./tail-lanes";
import { registerResident, type TResidentHandle } from "~/server/workers/worker-registry";

/**
 * One tail reader per cluster and topic, however many tabs tail it: the first subscriber starts
 * it, the last one to leave stops it. The reader converts each record once; at most every
 * TAIL_BATCH_MS it cuts what it read into chunks, one set per choice of partitions, and hands the
 * same chunks to every subscriber's bounded queue — so each batch is serialized once, not per tab.
 */

type Source = {
  lanes: TailLanes;
  status: TTailStatus | null;
  stop: AbortController;
  lastCutAt: number;
  cutTimer: ReturnType<typeof setTimeout> | null;
  /** Its entry in the worker registry: a pass per batch read, the sentence while it reconnects. */
  entry: TResidentHandle | null;
};

const holderKey = Symbol.for("tributary.tail.sources.v2");
type GlobalWithTails = typeof globalThis & { [holderKey]?: { sources: Map<string, Source>; running: Set<string> } };
// On globalThis so that Next's dev reloads share the readers instead of starting a second set.
const holder = ((globalThis as GlobalWithTails)[holderKey] ??= { sources: new Map(), running: new Set() });

function keyOf(target: ClusterTarget, topic: string): string {
  return `${target.id}\u0000${topic}`;
}

/** Cluster and topic of every reader whose loop is still running (for tests and diagnostics). */
export function activeTailReaders(): { clusterId: string; topic: string }[] {
  return [...holder.running].map((key) => {
    const [clusterId = "", topic = ""] = key.split("\u0000");
    return { clusterId, topic };
  });
}

/** Adds a subscriber to the topic's reader (starting it if needed); the returned function removes it. */
export function joinTail(
  target: ClusterTarget,
  topic: string,
  /** null: every partition, including ones added while tailing. */
  partitions: readonly number[] | null,
  subscriber: TTailSubscriber,
): { status: () => TTailStatus | null; leave: () => void } {
  const key = keyOf(target, topic);
  let source = holder.sources.get(key);
  if (!source) {
    const created: Source = {
      lanes: new TailLanes(),
      status: null,
      stop: new AbortController(),
      lastCutAt: 0,
      cutTimer: null,
      entry: null,
    };
    created.entry = registerResident({
      name: `live.tail ${target.id}/${topic}`,
      description: `Reads new messages of ${topic} (long-poll Fetch) for every tab tailing it.`,
      stop: () => stopSource(key, created),
    });
    holder.sources.set(key, created);
    void runReader(key, target, topic, created);
    source = created;
  }
  const joined = source;
  joined.lanes.join(partitions, subscriber);
  return {
    status: () => joined.status,
    leave: () => {
      joined.lanes.leave(subscriber);
      if (joined.lanes.subscriberCount > 0) return;
      stopSource(key, joined);
    },
  };
}

function stopSource(key: string, source: Source): void {
  source.stop.abort();
  source.entry?.end();
  if (source.cutTimer) clearTimeout(source.cutTimer);
  source.cutTimer = null;
  if (holder.sources.get(key) === source) holder.sources.delete(key);
}

/** Cuts at once when the last cut is TAIL_BATCH_MS old, else when it will be: a quiet topic's message waits for no timer. */
function scheduleCut(source: Source): void {
  if (source.cutTimer || !source.lanes.hasPending) return;
  const wait = source.lastCutAt + TAIL_BATCH_MS - Date.now();
  if (wait <= 0) {
    cut(source);
    return;
  }
  source.cutTimer = setTimeout(() => {
    source.cutTimer = null;
    cut(source);
  }, wait);
}

function cut(source: Source): void {
  source.lastCutAt = Date.now();
  source.lanes.cut(TAIL_BATCH_MAX);
}

async function runReader(key: string, target: ClusterTarget, topic: string, source: Source): Promise<void> {
  // A stopped reader of the same key may still be finishing its last long poll.
  while (holder.running.has(key)) await delay(20);
  if (source.stop.signal.aborted) return;
  holder.running.add(key);
  try {
    for await (const event of readTail(target, topic, source.stop.signal)) {
      if (event.kind === "records") {
        // Cached for a few seconds, so this is a resolved promise for almost every batch.
        const { codec } = await lookupTopicSchema(target.id, topic);
        source.lanes.offer(event.records.map((record) => toMessage(record, undefined, codec)));
        source.entry?.recordPass();
        scheduleCut(source);
        continue;
      }
      source.status =
        event.kind === "live"
          ? { state: "live", partitions: event.partitions }
          : {
              state: "reconnecting",
              message: event.error.message,
              hint: event.error.hint ?? null,
              retryInMs: event.retryInMs,
            };
      if (event.kind !== "live") source.entry?.recordPass(new Error(event.error.message));
      source.lanes.notifyAll();
    }
  } catch (error) {
    // readTail reports Kafka errors as events; anything else is a bug worth a log line, and the
    // subscribers are told, while the next tail of this topic starts a fresh reader.
    console.error("tail reader stopped", error);
    if (holder.sources.get(key) === source) holder.sources.delete(key);
    source.status = {
      state: "reconnecting",
      message: `The live tail of ${topic} stopped unexpectedly.`,
      hint: "Stop and start the tail again; if it persists, check the server log.",
      retryInMs: 0,
    };
    source.lanes.notifyAll();
  } finally {
    holder.running.delete(key);
  }
}
