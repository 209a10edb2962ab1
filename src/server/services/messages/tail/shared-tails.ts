import "server-only";
import { setTimeout as delay } from "node:timers/promises";
import type { TMessage } from "~/domain/messages/message";
import type { ClusterTarget } from "~/server/kafka/client-registry";
import { readTail } from "~/server/kafka/messages/tail-reader";
import { toMessage } from "../to-message";
import { TailQueue } from "./tail-queue";
import type { TTailStatus } from "./tail-batch";

/**
 * One tail reader per cluster and topic, however many tabs tail it: the first subscriber starts
 * it, the last one to leave stops it. The reader converts each record once and pushes it into the
 * bounded queue of every subscriber that chose its partition.
 */

export type TTailSubscriber = {
  /** null: every partition, including ones added while tailing. */
  partitions: ReadonlySet<number> | null;
  queue: TailQueue<TMessage>;
  /** Called on new messages and status changes. */
  notify: () => void;
};

type Source = {
  subscribers: Set<TTailSubscriber>;
  status: TTailStatus | null;
  stop: AbortController;
};

const holderKey = Symbol.for("tributary.tail.sources");
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
  subscriber: TTailSubscriber,
): { status: () => TTailStatus | null; leave: () => void } {
  const key = keyOf(target, topic);
  let source = holder.sources.get(key);
  if (!source) {
    source = { subscribers: new Set(), status: null, stop: new AbortController() };
    holder.sources.set(key, source);
    void runReader(key, target, topic, source);
  }
  const joined = source;
  joined.subscribers.add(subscriber);
  return {
    status: () => joined.status,
    leave: () => {
      joined.subscribers.delete(subscriber);
      if (joined.subscribers.size > 0) return;
      joined.stop.abort();
      if (holder.sources.get(key) === joined) holder.sources.delete(key);
    },
  };
}

async function runReader(key: string, target: ClusterTarget, topic: string, source: Source): Promise<void> {
  // A stopped reader of the same key may still be finishing its last long poll.
  while (holder.running.has(key)) await delay(20);
  if (source.stop.signal.aborted) return;
  holder.running.add(key);
  try {
    for await (const event of readTail(target, topic, source.stop.signal)) {
      if (event.kind === "records") {
        const messages = event.records.map((record) => toMessage(record));
        for (const subscriber of source.subscribers) {
          const chosen = subscriber.partitions;
          subscriber.queue.push(chosen ? messages.filter((message) => chosen.has(message.partition)) : messages);
          if (subscriber.queue.hasNews) subscriber.notify();
        }
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
      for (const subscriber of source.subscribers) subscriber.notify();
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
    for (const subscriber of source.subscribers) subscriber.notify();
  } finally {
    holder.running.delete(key);
  }
}
