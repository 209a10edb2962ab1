import { describe, expect, it } from "vitest";
import { readSseEvents, takeSseEvents } from "./sse-events";

describe("takeSseEvents", () => {
  it("joins an event's data lines and keeps its id and name", () => {
    const { events, rest } = takeSseEvents('id: 0:5\ndata: {"a":1}\ndata: [2]\n\nevent: failure\ndata: x\n\nid: 9\nda');
    expect(events).toEqual([
      { id: "0:5", event: "message", data: '{"a":1}\n[2]' },
      { id: null, event: "failure", data: "x" },
    ]);
    expect(rest).toBe("id: 9\nda");
  });

  it("skips comments and events without data", () => {
    expect(takeSseEvents(": keep-alive\n\nid: 3\n\n").events).toEqual([]);
  });

  it("keeps a colon inside the data", () => {
    expect(takeSseEvents('data: {"url":"http://x"}\n\n').events[0]!.data).toBe('{"url":"http://x"}');
  });
});

describe("readSseEvents", () => {
  it("reads events split across chunks, including a character split between two", async () => {
    const bytes = new TextEncoder().encode('id: 1\ndata: {"é":1}\n\nid: 2\ndata: [2]\n\n');
    const cuts = [3, 15, 22, bytes.length]; // 15 falls inside "é" (bytes 14–15)
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        cuts.reduce((from, to) => (controller.enqueue(bytes.slice(from, to)), to), 0);
        controller.close();
      },
    });
    const events = [];
    for await (const event of readSseEvents(body)) events.push(event);
    expect(events).toEqual([
      { id: "1", event: "message", data: '{"é":1}' },
      { id: "2", event: "message", data: "[2]" },
    ]);
  });
});
