import { z } from "zod";
import { ZFieldPath } from "../../jsonata-source";

export const COERCE_TYPES = ["number", "string", "boolean", "timestamp"] as const;

/**
 * The seeds' cleaning step, in this order: a value that is not a JSON object goes to the dead-letter
 * topic ("malformed"); listed fields are dropped; null fields are dropped; fields are coerced
 * (a failed coercion is a dead letter naming the field); a record whose key was seen within the
 * dedupe window is dropped; the value is checked against the input topic's schema (a failure is
 * a dead letter with the schema's reason).
 */
export const ZCleanConfig = z.object({
  dropMalformed: z.boolean().default(true),
  dropFields: z.array(ZFieldPath).max(100).default([]),
  dropNulls: z.boolean().default(false),
  coerce: z
    .array(z.object({ field: ZFieldPath, to: z.enum(COERCE_TYPES) }))
    .max(100)
    .default([]),
  /** Milliseconds; null: no deduplication. Deduplicates by key (per-key state). */
  dedupeWindowMs: z
    .number()
    .int()
    .positive("The dedupe window must be longer than 0 ms.")
    .max(7 * 86_400_000)
    .nullable()
    .default(null),
  validateAgainstSchema: z.boolean().default(false),
});
export type TCleanConfig = z.infer<typeof ZCleanConfig>;
