import { describe, expect, it } from "vitest";
import { takeSseEvents } from "./sse-events";

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
