import { decodeTailEvent, type TTailBatch } from "~/domain/messages/tail-batch";
import type { UserMessage } from "~/lib/error-message";
import { readSseEvents } from "~/lib/sse-events";

/** Where the stream itself stands; what Kafka's side says arrives in each batch's status. */
export type TTailStreamState =
  | { state: "connecting"; isReconnect: boolean }
  | { state: "open" }
  /** The server is away or the connection broke; the stream is reopened where it left off. */
  | ({ state: "retrying"; retryInMs: number } & UserMessage)
  /** Refused (signed out, a limit, no such topic) or failed on the server: only "Try again" reopens it. */
  | ({ state: "failed" } & UserMessage);

/** Waits between attempts to reopen a broken stream, growing while it stays broken. */
const RETRY_MS = [1_000, 2_000, 5_000, 10_000];

/** The live tail route of a topic: every partition (`null`) or one, the newest `last` messages first. */
export function tailUrl(clusterId: string, topic: string, partition: number | null, last: number): string {
  const query = new URLSearchParams({ last: String(last) });
  if (partition !== null) query.set("partition", String(partition));
  return `/api/clusters/${encodeURIComponent(clusterId)}/topics/${encodeURIComponent(topic)}/messages/tail?${query}`;
}

/**
 * Reads the tail route's server-sent events until the returned function is called. A broken
 * connection is reopened with the last event's id, so the server resumes where it left off and
 * nothing is lost or repeated; a refusal or a server-side failure stops it with its sentence.
 */
export function openTailStream(
  url: string,
  handlers: { onBatch: (batch: TTailBatch) => void; onState: (state: TTailStreamState) => void },
): () => void {
  const controller = new AbortController();
  let lastEventId: string | null = null;
  let failures = 0;

  async function readOnce(): Promise<TTailStreamState> {
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { accept: "text/event-stream", ...(lastEventId ? { "last-event-id": lastEventId } : {}) },
        cache: "no-store",
        signal: controller.signal,
      });
    } catch {
      return retrying("The Tributary server is not answering.", "Check that it is running; this page retries.");
    }
    if (!response.ok || !response.body) {
      const sentence = (await response.text().catch(() => "")).trim() || `The server answered ${response.status}.`;
      return response.status >= 500 ? retrying(sentence, null) : { state: "failed", message: sentence, hint: null };
    }
    handlers.onState({ state: "open" });
    try {
      for await (const event of readSseEvents(response.body)) {
        if (event.event === "failure") return { state: "failed", ...(JSON.parse(event.data) as UserMessage) };
        if (event.id !== null) lastEventId = event.id;
        failures = 0;
        handlers.onBatch(decodeTailEvent(event.data));
      }
      return retrying("The live tail's connection closed.", "It reopens on its own.");
    } catch {
      return retrying("The live tail's connection broke.", "It reopens on its own.");
    }
  }

  function retrying(message: string, hint: string | null): TTailStreamState {
    const retryInMs = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)]!;
    failures += 1;
    return { state: "retrying", message, hint, retryInMs };
  }

  void (async () => {
    for (let attempt = 0; !controller.signal.aborted; attempt += 1) {
      handlers.onState({ state: "connecting", isReconnect: attempt > 0 });
      const outcome = await readOnce();
      if (controller.signal.aborted) return;
      handlers.onState(outcome);
      if (outcome.state !== "retrying") return;
      await new Promise((resolve) => setTimeout(resolve, outcome.retryInMs));
    }
  })();
  return () => controller.abort();
}
