import { describe, expect, it } from "vitest";
import type { TMessage } from "~/domain/messages/message";
import { orderBatchByTime } from "./batch-order";

const message = (partition: number, offset: number, timestamp: number) =>
  ({ partition, offset: String(offset), timestamp: String(timestamp) }) as TMessage;
const ids = (messages: TMessage[]) => messages.map((m) => `${m.partition}:${m.offset}`);

describe("orderBatchByTime", () => {
  it("merges the partitions of one batch by timestamp", () => {
    const batch = [message(2, 10, 300), message(2, 11, 500), message(0, 4, 100), message(0, 5, 400)];
    expect(ids(orderBatchByTime(batch))).toEqual(["0:4", "2:10", "0:5", "2:11"]);
  });

  it("keeps each partition's offset order even when its timestamps go back", () => {
    const batch = [message(1, 7, 900), message(1, 8, 200), message(0, 3, 500)];
    expect(ids(orderBatchByTime(batch))).toEqual(["0:3", "1:7", "1:8"]);
  });
});
