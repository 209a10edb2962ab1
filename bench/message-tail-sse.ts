import { readSseEvents } from "../src/lib/sse-events";

/** A minimal EventSource for benchmarks: calls `onData` with each event's data until the signal aborts. */
export async function readSse(url: string, signal: AbortSignal, onData: (data: string) => void): Promise<void> {
  const response = await fetch(url, { signal, headers: { accept: "text/event-stream" } });
  if (!response.body) throw new Error(`${url} answered without a body`);
  for await (const event of readSseEvents(response.body)) onData(event.data);
}
