import { takeSseEvents } from "../src/lib/sse-events";

/** A minimal EventSource for benchmarks: calls `onData` with each event's data until the signal aborts. */
export async function readSse(url: string, signal: AbortSignal, onData: (data: string) => void): Promise<void> {
  const response = await fetch(url, { signal, headers: { accept: "text/event-stream" } });
  if (!response.body) throw new Error(`${url} answered without a body`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let pending = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    const { events, rest } = takeSseEvents(pending + decoder.decode(value, { stream: true }));
    pending = rest;
    for (const event of events) onData(event.data);
  }
}
