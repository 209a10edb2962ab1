/** One server-sent event: its `id:`, its `event:` name ("message" when none) and its data lines joined by "\n". */
export type TSseEvent = { id: string | null; event: string; data: string };

/**
 * Splits received text into complete events and what is left for the next read, as an
 * EventSource does (lines end in "\n"; an empty line ends an event; comments start with ":").
 * Isomorphic: the tail view, tests and benchmarks read the tail stream with it.
 */
export function takeSseEvents(text: string): { events: TSseEvent[]; rest: string } {
  const events: TSseEvent[] = [];
  let start = 0;
  for (let end = text.indexOf("\n\n", start); end >= 0; end = text.indexOf("\n\n", start)) {
    const event: TSseEvent = { id: null, event: "message", data: "" };
    const data: string[] = [];
    for (const line of text.slice(start, end).split("\n")) {
      const colon = line.indexOf(":");
      if (colon === 0) continue;
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(line[colon + 1] === " " ? colon + 2 : colon + 1);
      if (field === "data") data.push(value);
      else if (field === "id") event.id = value;
      else if (field === "event") event.event = value;
    }
    event.data = data.join("\n");
    if (data.length > 0) events.push(event);
    start = end + 2;
  }
  return { events, rest: text.slice(start) };
}

/**
 * The events of a server-sent-events body, as they arrive, until it ends. It reads one chunk at a
 * time and only when asked (no queue reads ahead), so a slow reader leaves the rest with the server.
 */
export async function* readSseEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<TSseEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pending = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      const { events, rest } = takeSseEvents(pending + decoder.decode(value, { stream: true }));
      pending = rest;
      yield* events;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
