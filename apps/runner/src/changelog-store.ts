/**
 * A step's per-key state for one input partition, backed by partition p of the step's compacted
 * changelog topic: restored from it when the partition is assigned, and every key a batch changed
 * written back as one changelog record with that batch's outputs (in the same transaction in
 * exactly-once mode), so state and committed offsets always move together.
 */
import type { TStateStore } from "~/domain/pipelines/step-types";
import type { TChangelogEntry, TOutRecord } from "~/server/kafka/runtime/step-member-types";

export type TChangelogStore = TStateStore & {
  /** One record per key changed since the last call (its latest value, or a tombstone), then forgets them. */
  takeChanges(): TOutRecord[];
};

export function changelogStore(
  topic: string,
  partition: number,
  restored: readonly TChangelogEntry[],
): TChangelogStore {
  const entries = new Map<string, unknown>();
  for (const entry of restored) {
    const value = entry.value === null ? undefined : parseStored(entry.value);
    if (value === undefined) entries.delete(entry.key);
    else entries.set(entry.key, value);
  }
  // Keys only: the value written is the one held at the end of the batch. Steps update objects in
  // place and then put them (z-score's ring), so a copy taken at put time could be stale anyway.
  const changed = new Set<string>();
  return {
    get: <T>(key: string) => entries.get(key) as T | undefined,
    put(key, value) {
      entries.set(key, value);
      changed.add(key);
    },
    delete(key) {
      entries.delete(key);
      changed.add(key);
    },
    keys: () => entries.keys(),
    takeChanges() {
      const records: TOutRecord[] = [];
      for (const key of changed) {
        const value = entries.get(key);
        records.push({
          topic,
          partition,
          key,
          value: value === undefined ? null : JSON.stringify(value),
          headers: {},
        });
      }
      changed.clear();
      return records;
    },
  };
}

/** A value this runtime wrote is JSON; anything else in the topic is dropped rather than guessed at. */
function parseStored(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
