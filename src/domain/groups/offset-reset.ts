import { z } from "zod";

/** Where a reset moves a group's committed offsets. Offsets and shifts are int64, so they travel as strings. */
export const ZOffsetResetStrategy = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("earliest") }),
  z.object({ kind: z.literal("latest") }),
  /** The first record produced at or after this time (milliseconds since the epoch). */
  z.object({ kind: z.literal("timestamp"), timestampMs: z.number().int().min(0) }),
  z.object({ kind: z.literal("offset"), offset: z.string().regex(/^\d{1,19}$/, "Enter a whole number of 0 or more.") }),
  /** Moves each committed offset by this many messages; negative goes back. */
  z.object({
    kind: z.literal("shift"),
    by: z.string().regex(/^[+-]?\d{1,19}$/, "Enter a whole number, like -100 or 50."),
  }),
]);
export type TOffsetResetStrategy = z.infer<typeof ZOffsetResetStrategy>;
export type TOffsetResetKind = TOffsetResetStrategy["kind"];

export const ZOffsetResetRequest = z.object({
  clusterId: z.string().min(1),
  groupId: z.string().min(1).max(255),
  topic: z.string().min(1).max(249),
  /** The partitions to move; absent or empty means every partition of the topic. */
  partitions: z.array(z.number().int().min(0)).max(10_000).optional(),
  strategy: ZOffsetResetStrategy,
});
export type TOffsetResetRequest = z.infer<typeof ZOffsetResetRequest>;

/** One partition before and after a reset. `note` explains a target that was moved into [low, high]. */
export type TOffsetResetRow = {
  partition: number;
  low: string;
  high: string;
  /** The committed offset now; null when the group has none for this partition. */
  before: string | null;
  after: string;
  note: string | null;
};

/**
 * What a reset would do. `blockedReason` is the sentence shown instead of the confirm button while
 * the group has active members (Kafka would refuse the commit, and the members would overwrite it).
 */
export type TOffsetResetPreview = {
  groupId: string;
  topic: string;
  state: string;
  activeMembers: number;
  blockedReason: string | null;
  /** Said when what Kafka reports about the group cannot be fully trusted (a KIP-848 group). */
  groupNote: string | null;
  rows: TOffsetResetRow[];
};

/** Whether offsets may be changed now; `blockedReason` counts the active members when not. */
export type TOffsetsGuard = { state: string; activeMembers: number; blockedReason: string | null };

/** The outcome of an applied reset: the committed offsets read back from Kafka. */
export type TOffsetResetResult = { groupId: string; topic: string; rows: TOffsetResetRow[] };

/** The partition facts a reset is computed from: watermarks [low, high) and the committed offset. */
export type TPartitionPosition = { partition: number; low: bigint; high: bigint; committed: bigint | null };

export function activeMembersSentence(count: number): string | null {
  if (count <= 0) return null;
  return `The group has ${count} active member${count === 1 ? "" : "s"}; stop them first.`;
}

/** Keeps only the chosen partitions (all when none are chosen), and names any the topic does not have. */
export function selectPartitions<T extends { partition: number }>(
  all: readonly T[],
  chosen: readonly number[] | undefined,
): { selected: T[]; missing: number[] } {
  if (!chosen || chosen.length === 0) return { selected: [...all], missing: [] };
  const wanted = new Set(chosen);
  const selected = all.filter((position) => wanted.has(position.partition));
  const known = new Set(all.map((position) => position.partition));
  return { selected, missing: [...wanted].filter((partition) => !known.has(partition)).sort((a, b) => a - b) };
}

/**
 * A committed offset outside [low, high] would make the consumer fall back to its
 * auto.offset.reset policy on restart, so targets are moved to the nearest end and the preview says so.
 */
export function clampOffset(target: bigint, low: bigint, high: bigint): { offset: bigint; note: string | null } {
  if (target < low) return { offset: low, note: `Before the earliest offset ${low}; moved up to it.` };
  if (target > high) return { offset: high, note: `Past the log-end offset ${high}; moved down to it.` };
  return { offset: target, note: null };
}

/**
 * The target offset of each partition. `byTimestamp` holds the offsets Kafka resolved for a
 * timestamp strategy (the log-end offset when no record is that new).
 */
export function computeResetRows(
  positions: readonly TPartitionPosition[],
  strategy: TOffsetResetStrategy,
  byTimestamp: ReadonlyMap<number, bigint> = new Map(),
): TOffsetResetRow[] {
  return positions.map((position) => {
    const { target, note: baseNote } = rawTarget(position, strategy, byTimestamp);
    const clamped = clampOffset(target, position.low, position.high);
    return {
      partition: position.partition,
      low: position.low.toString(),
      high: position.high.toString(),
      before: position.committed === null ? null : position.committed.toString(),
      after: clamped.offset.toString(),
      note: [baseNote, clamped.note].filter(Boolean).join(" ") || null,
    };
  });
}

function rawTarget(
  position: TPartitionPosition,
  strategy: TOffsetResetStrategy,
  byTimestamp: ReadonlyMap<number, bigint>,
): { target: bigint; note: string | null } {
  switch (strategy.kind) {
    case "earliest":
      return { target: position.low, note: null };
    case "latest":
      return { target: position.high, note: null };
    case "timestamp": {
      const found = byTimestamp.get(position.partition);
      if (found === undefined) return { target: position.high, note: "No offset found for that time; the log end." };
      return { target: found, note: null };
    }
    case "offset":
      return { target: BigInt(strategy.offset), note: null };
    case "shift": {
      // With nothing committed, a consumer would start at the earliest offset (our reset's base too).
      if (position.committed === null) {
        return {
          target: position.low + BigInt(strategy.by),
          note: "Nothing committed; shifted from the earliest offset.",
        };
      }
      return { target: position.committed + BigInt(strategy.by), note: null };
    }
  }
}

/** A form-level check of the value field, so the dialog can say what is wrong before asking the server. */
export function validateStrategy(strategy: TOffsetResetStrategy): string | null {
  const parsed = ZOffsetResetStrategy.safeParse(strategy);
  if (parsed.success) return null;
  return parsed.error.issues[0]?.message ?? "The value is not valid.";
}

/** The dialog's "chosen partitions" field: "0, 2, 5-7". Empty means every partition. */
export function parsePartitionList(text: string): { partitions: number[] } | { error: string } {
  const partitions = new Set<number>();
  for (const part of text
    .split(",")
    .map((piece) => piece.trim())
    .filter(Boolean)) {
    const range = /^(\d{1,5})(?:\s*-\s*(\d{1,5}))?$/.exec(part);
    if (!range) return { error: `"${part}" is not a partition number or a range like 2-4.` };
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    if (to < from) return { error: `The range ${part} runs backwards.` };
    for (let partition = from; partition <= to; partition += 1) partitions.add(partition);
  }
  return { partitions: [...partitions].sort((a, b) => a - b) };
}

/** The dialog's time field: ISO 8601 (a time without a zone is local) or milliseconds since the epoch. */
export function parseTimestampInput(text: string): { timestampMs: number } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === "") return { error: "Enter a time, like 2026-01-31T12:00:00Z." };
  const timestampMs = /^\d{1,15}$/.test(trimmed) ? Number(trimmed) : Date.parse(trimmed);
  if (!Number.isFinite(timestampMs) || timestampMs < 0) {
    return { error: "Enter a time like 2026-01-31T12:00:00Z, or milliseconds since 1970." };
  }
  return { timestampMs };
}
