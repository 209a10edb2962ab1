import { describe, expect, it } from "vitest";
import type { TMessage } from "~/domain/messages/message";
import { testMessage } from "~/domain/messages/message.test-support";
import { decodeTailEvent, type TTailStatus } from "~/domain/messages/tail-batch";
import { takeSseEvents } from "~/lib/sse-events";
import { TailChunkQueue } from "./tail-chunk-queue";
import { formatTailCursor } from "./tail-cursor";
import { composeEventChunks } from "./tail-event-chunks";
import { TailLanes, type TTailSubscriber } from "./tail-lanes";
import { encodeTailEvent } from "./tail-sse";

function message(partition: number, offset: number): TMessage {
  return testMessage({ partition, offset: String(offset), value: { base64: "eA==", size: 1, isTruncated: false } });
}

function subscriber(capacity = 100): TTailSubscriber & { notified: number } {
  const result = { queue: new TailChunkQueue(capacity), notified: 0, notify: () => (result.notified += 1) };
  return result;
}

/** What one subscriber's next event would carry, as bytes and decoded as the tail view decodes them. */
function nextEvent(tab: TTailSubscriber, starts: Map<number, bigint> | null = null, preface: TMessage[] = []) {
  const cursor = new Map<number, bigint>();
  const { parts, skipped } = tab.queue.drain();
  const dataLines = composeEventChunks(preface, parts, starts, cursor);
  const status: TTailStatus = { state: "live", partitions: [0, 1] };
  const bytes = encodeTailEvent({ cursor: formatTailCursor(cursor), skipped, status, dataLines });
  const [event] = takeSseEvents(new TextDecoder().decode(bytes)).events;
  const { messages } = decodeTailEvent(event!.data);
  return {
    dataLines,
    skipped,
    cursor: event!.id,
    positions: messages.map((m) => `${m.partition}:${m.offset}`),
  };
}

describe("the tail's fan-out", () => {
  it("encodes a batch once for twenty tabs, sends each the same bytes, and each tab receives all of it", () => {
    const lanes = new TailLanes();
    const tabs = Array.from({ length: 20 }, () => subscriber());
    for (const tab of tabs) lanes.join(null, tab);
    lanes.offer([message(0, 10), message(1, 7), message(0, 11)]);
    lanes.cut(500);
    const events = tabs.map((tab) => nextEvent(tab));
    const shared = events[0]!.dataLines[0]!;
    expect(events.every((event) => event.dataLines.length === 1 && event.dataLines[0] === shared)).toBe(true);
    for (const event of events) {
      expect(event.positions).toEqual(["0:10", "1:7", "0:11"]);
      expect(event.cursor).toBe("0:12,1:8");
    }
    expect(tabs.every((tab) => tab.notified === 1)).toBe(true);
  });

  it("gives tabs that chose other partitions only theirs, one encoding per choice", () => {
    const lanes = new TailLanes();
    const [all, zero, zeroAgain] = [subscriber(), subscriber(), subscriber()];
    lanes.join(null, all);
    lanes.join([0], zero);
    lanes.join([0], zeroAgain);
    lanes.offer([message(0, 1), message(1, 1), message(0, 2)]);
    lanes.cut(500);
    const [allEvent, zeroEvent, zeroAgainEvent] = [nextEvent(all), nextEvent(zero), nextEvent(zeroAgain)];
    expect(allEvent.positions).toEqual(["0:1", "1:1", "0:2"]);
    expect(zeroEvent.positions).toEqual(["0:1", "0:2"]);
    expect(zeroAgainEvent.positions).toEqual(["0:1", "0:2"]);
    expect(zeroAgainEvent.dataLines[0]).toBe(zeroEvent.dataLines[0]);
    expect(allEvent.dataLines[0]).not.toBe(zeroEvent.dataLines[0]);
  });

  it("encodes for a tab that fell behind only the chunk it lost messages from, and counts them", () => {
    const lanes = new TailLanes();
    const [keepingUp, behind] = [subscriber(), subscriber(3)];
    lanes.join(null, keepingUp);
    lanes.join(null, behind);
    lanes.offer([message(0, 1), message(0, 2)]);
    lanes.cut(500);
    lanes.offer([message(0, 3), message(0, 4)]);
    lanes.cut(500);
    const prompt = nextEvent(keepingUp);
    const late = nextEvent(behind);
    expect(late.positions).toEqual(["0:2", "0:3", "0:4"]);
    expect(late.skipped).toBe(1);
    expect(late.cursor).toBe("0:5");
    // The trimmed first chunk is this tab's own; the second is the bytes both tabs receive.
    expect(late.dataLines[0]).not.toBe(prompt.dataLines[0]);
    expect(late.dataLines[1]).toBe(prompt.dataLines[1]);
  });

  it("leaves out records from before a tab's start, and sends its preface first", () => {
    const lanes = new TailLanes();
    const tab = subscriber();
    lanes.join(null, tab);
    lanes.offer([message(0, 4), message(0, 5), message(1, 9)]);
    lanes.cut(500);
    const event = nextEvent(tab, new Map([[0, 5n]]), [message(0, 3)]);
    expect(event.positions).toEqual(["0:3", "0:5", "1:9"]);
    expect(event.cursor).toBe("0:6,1:10");
  });

  it("cuts a large batch into chunks of at most the batch limit", () => {
    const lanes = new TailLanes();
    const tab = subscriber(10_000);
    lanes.join(null, tab);
    lanes.offer(Array.from({ length: 1_200 }, (_, index) => message(0, index)));
    lanes.cut(500);
    expect(tab.queue.drain(500).parts.map((part) => part.to - part.from)).toEqual([500]);
    expect(tab.queue.drain().parts.map((part) => part.to - part.from)).toEqual([500, 200]);
  });

  it("forgets a choice of partitions when its last tab leaves", () => {
    const lanes = new TailLanes();
    const [first, second] = [subscriber(), subscriber()];
    lanes.join([1], first);
    lanes.join([1], second);
    lanes.leave(first);
    expect(lanes.subscriberCount).toBe(1);
    lanes.leave(second);
    lanes.offer([message(1, 1)]);
    expect(lanes.hasPending).toBe(false);
  });
});
