/**
 * The count the fault tests are about: which record ids went in and which came out. An id missing
 * from the output was lost; an id that came out more than once was duplicated (allowed by
 * at-least-once after a crash, never by exactly-once).
 */
export type TIdComparison = {
  expected: number;
  /** Distinct ids that came out. */
  delivered: number;
  /** Records that came out, counting repeats. */
  received: number;
  /** Expected ids that never came out (first few, and how many). */
  lost: number[];
  lostCount: number;
  /** Ids that came out more than once (first few, and how many). */
  duplicated: number[];
  duplicatedCount: number;
  /** Ids that came out but were never expected (a filter that let through what it should not). */
  unexpectedCount: number;
};

const SHOWN = 20;

export function compareIds(expected: Iterable<number>, received: ReadonlyMap<number, number>): TIdComparison {
  const wanted = new Set(expected);
  const lost: number[] = [];
  let lostCount = 0;
  for (const id of wanted) {
    if (received.has(id)) continue;
    lostCount += 1;
    if (lost.length < SHOWN) lost.push(id);
  }
  const duplicated: number[] = [];
  let duplicatedCount = 0;
  let unexpectedCount = 0;
  let total = 0;
  for (const [id, count] of received) {
    total += count;
    if (!wanted.has(id)) unexpectedCount += 1;
    if (count <= 1) continue;
    duplicatedCount += 1;
    if (duplicated.length < SHOWN) duplicated.push(id);
  }
  return {
    expected: wanted.size,
    delivered: received.size,
    received: total,
    lost,
    lostCount,
    duplicated,
    duplicatedCount,
    unexpectedCount,
  };
}

/** A multiset of ids, as records arrive. */
export class IdCounter {
  readonly counts = new Map<number, number>();
  private total = 0;

  add(id: number): void {
    this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
    this.total += 1;
  }

  /** Records seen, repeats included. */
  get received(): number {
    return this.total;
  }

  get distinct(): number {
    return this.counts.size;
  }
}
