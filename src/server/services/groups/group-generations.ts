import "server-only";
import { withMetadata, type ClusterTarget } from "~/server/kafka/client-registry";
import { followGroupGeneration, type TGenerationCursor } from "~/server/kafka/groups/group-generation-log";

/** A group nobody asked about for this long is forgotten; asking again looks back from the end once more. */
const FORGET_AFTER_MS = 10 * 60_000;

type TFollowed = { cursor: TGenerationCursor | null; usedAt: number; queue: Promise<unknown> };

// On globalThis so that Next's dev reloads keep the cursors instead of looking back again.
const followedKey = Symbol.for("tributary.groups.generations");
type GlobalWithFollowed = typeof globalThis & { [followedKey]?: Map<string, TFollowed> };
const followed = ((globalThis as GlobalWithFollowed)[followedKey] ??= new Map<string, TFollowed>());

/**
 * The group's current generation (classic) or group epoch (KIP-848), or null when it cannot be
 * known — no metadata record found, or `__consumer_offsets` cannot be read (a secured cluster may
 * not allow it). Never throws: the generation is extra information, not a reason to fail a page.
 * The group page and the rebalance watcher ask concurrently: their reads run one after the other
 * (each sees everything written before it was asked) and share one cursor.
 */
export function currentGeneration(target: ClusterTarget, groupId: string): Promise<number | null> {
  const now = Date.now();
  for (const [key, entry] of followed) if (now - entry.usedAt > FORGET_AFTER_MS) followed.delete(key);
  const key = JSON.stringify([target.id, groupId]);
  const entry = followed.get(key) ?? { cursor: null, usedAt: now, queue: Promise.resolve() };
  followed.set(key, entry);
  entry.usedAt = now;
  const generation = entry.queue.then(() =>
    withMetadata(target, (cluster) => followGroupGeneration(cluster, groupId, entry.cursor))
      .then((cursor) => {
        entry.cursor = cursor;
        return cursor.generation;
      })
      .catch(() => entry.cursor?.generation ?? null),
  );
  entry.queue = generation;
  return generation;
}
