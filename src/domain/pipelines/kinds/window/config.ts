import { z } from "zod";
import { ZFieldPath } from "../../jsonata-source";

export const AGGREGATES = ["count", "sum", "avg", "min", "max", "p50", "p90", "p95", "p99"] as const;
export type TAggregate = (typeof AGGREGATES)[number];

const ZDurationMs = z
  .number()
  .int()
  .positive("A duration must be longer than 0 ms.")
  .max(30 * 86_400_000);

/** Tumbling: fixed, back to back; hopping: fixed size, starting every `advanceMs`; session: closes after a gap. */
export const ZWindow = z.discriminatedUnion("type", [
  z.object({ type: z.literal("tumbling"), sizeMs: ZDurationMs }),
  z
    .object({ type: z.literal("hopping"), sizeMs: ZDurationMs, advanceMs: ZDurationMs })
    .refine((w) => w.advanceMs <= w.sizeMs, {
      message: "A hop must not be longer than the window.",
      path: ["advanceMs"],
    }),
  z.object({ type: z.literal("session"), gapMs: ZDurationMs }),
]);
export type TWindow = z.infer<typeof ZWindow>;

/**
 * Aggregates a numeric field per key over event-time windows (the record timestamp). A window
 * emits one record when it closes: the highest timestamp seen passes its end plus `graceMs`.
 * Output value: `{ windowStart, windowEnd, count, avg, p95, … }` with ISO times, key unchanged.
 */
export const ZWindowConfig = z.object({
  window: ZWindow,
  /** The numeric field to aggregate, e.g. `value`. Records where it is not a number are dead letters. */
  field: ZFieldPath,
  aggregates: z.array(z.enum(AGGREGATES)).min(1, "Choose at least one aggregate.").max(AGGREGATES.length),
  /** How long after a window's end late records are still counted. */
  graceMs: z.number().int().min(0).max(86_400_000).default(0),
});
export type TWindowConfig = z.infer<typeof ZWindowConfig>;
