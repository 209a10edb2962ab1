import { describe, expect, it } from "vitest";
import { countMovedKeys, DEFAULT_MOVED_KEY_EXAMPLES } from "./key-movement";
import { partitionForKey } from "./murmur2";

const sensorKeys = Array.from({ length: 200 }, (_, index) => `server-${index}-cpu`);

describe("countMovedKeys", () => {
  it("moves nothing when the partition count stays the same", () => {
    expect(countMovedKeys(sensorKeys, 6, 6)).toEqual({ sampled: 200, moved: 0, movedKeys: [] });
  });

  it("names the seeds' keys that move from 3 to 6 partitions, with Kafka's partitions", () => {
    // kafka-clients 4.3.1: server-1-cpu 1 → 4, server-2-cpu 2 → 5, server-3-cpu 2 → 5, server-4-cpu 1 → 1.
    const movement = countMovedKeys(["server-1-cpu", "server-2-cpu", "server-3-cpu", "server-4-cpu"], 3, 6);
    expect(movement).toEqual({
      sampled: 4,
      moved: 3,
      movedKeys: [
        { key: "server-1-cpu", from: 1, to: 4 },
        { key: "server-2-cpu", from: 2, to: 5 },
        { key: "server-3-cpu", from: 2, to: 5 },
      ],
    });
  });

  it("counts exactly the keys whose partition changes", () => {
    const movement = countMovedKeys(sensorKeys, 6, 8, { maxExamples: Infinity });
    const expected = sensorKeys.filter((key) => partitionForKey(key, 6) !== partitionForKey(key, 8));
    expect(movement.moved).toBe(expected.length);
    expect(movement.movedKeys.map(({ key }) => key)).toEqual(expected);
    for (const { key, from, to } of movement.movedKeys) {
      expect([from, to]).toEqual([partitionForKey(key, 6), partitionForKey(key, 8)]);
    }
  });

  it("keeps a key whose hash is the same modulo both counts: doubling keeps about half in place", () => {
    // h % 12 is h % 6 or h % 6 + 6, so doubling moves roughly half of the keys, never all of them.
    const movement = countMovedKeys(sensorKeys, 6, 12, { maxExamples: Infinity });
    expect(movement.moved).toBeGreaterThan(60);
    expect(movement.moved).toBeLessThan(140);
    for (const { from, to } of movement.movedKeys) expect(to).toBe(from + 6);
  });

  it("counts distinct keys only, treating a string and its UTF-8 bytes as one key", () => {
    const bytes = new TextEncoder().encode("server-1-cpu");
    const movement = countMovedKeys(["server-1-cpu", "server-1-cpu", bytes, Uint8Array.from(bytes)], 3, 6);
    expect(movement).toEqual({ sampled: 1, moved: 1, movedKeys: [{ key: "server-1-cpu", from: 1, to: 4 }] });
  });

  it("skips null keys, which Kafka never hashed", () => {
    expect(countMovedKeys([null, null, "server-1-cpu"], 3, 6)).toMatchObject({ sampled: 1, moved: 1 });
  });

  it("keeps binary keys as bytes in its examples", () => {
    const key = new Uint8Array([0xff, 0x00, 0x80, 0x7f, 0xfe]);
    const from = partitionForKey(key, 5);
    const to = partitionForKey(key, 7);
    expect(from).not.toBe(to);
    expect(countMovedKeys([key], 5, 7).movedKeys).toEqual([{ key, from, to }]);
  });

  it("lists at most maxExamples moved keys, the first ones in sample order, but counts them all", () => {
    const all = countMovedKeys(sensorKeys, 6, 9, { maxExamples: Infinity });
    const capped = countMovedKeys(sensorKeys, 6, 9);
    expect(capped.moved).toBe(all.moved);
    expect(capped.movedKeys).toEqual(all.movedKeys.slice(0, DEFAULT_MOVED_KEY_EXAMPLES));
    expect(countMovedKeys(sensorKeys, 6, 9, { maxExamples: 0 }).movedKeys).toEqual([]);
  });

  it("handles an empty sample", () => {
    expect(countMovedKeys([], 3, 6)).toEqual({ sampled: 0, moved: 0, movedKeys: [] });
  });

  it("rejects partition counts below 1", () => {
    expect(() => countMovedKeys(sensorKeys, 0, 6)).toThrow(RangeError);
    expect(() => countMovedKeys(sensorKeys, 6, 2.5)).toThrow(RangeError);
  });
});
