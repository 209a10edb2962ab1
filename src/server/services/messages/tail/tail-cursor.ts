/**
 * Where a subscriber's tail stands: the next offset per partition, carried as the SSE event id
 * ("0:1042,3:77"). When the browser's stream reconnects it sends the last id back, and the tail
 * continues from there instead of silently skipping what arrived in between.
 */
export type TTailCursor = Map<number, bigint>;

export function formatTailCursor(cursor: TTailCursor): string {
  return [...cursor]
    .sort(([a], [b]) => a - b)
    .map(([partition, offset]) => `${partition}:${offset}`)
    .join(",");
}

/** Null for anything that is not a cursor: a tampered or foreign id starts a fresh tail. */
export function parseTailCursor(value: string | null | undefined): TTailCursor | null {
  if (!value || value.length > 200_000) return null;
  const cursor: TTailCursor = new Map();
  for (const part of value.split(",")) {
    const match = /^(\d{1,9}):(\d{1,19})$/.exec(part);
    if (!match) return null;
    cursor.set(Number(match[1]), BigInt(match[2]!));
  }
  return cursor;
}

/** The cursor after these messages were sent: past the newest sent offset of each partition. */
export function advanceTailCursor(cursor: TTailCursor, sent: readonly { partition: number; offset: string }[]): void {
  for (const message of sent) {
    const next = BigInt(message.offset) + 1n;
    if (next > (cursor.get(message.partition) ?? 0n)) cursor.set(message.partition, next);
  }
}
