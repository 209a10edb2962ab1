import { z } from "zod";
import { ZFieldPath } from "../../jsonata-source";

/**
 * Joins each record with the latest value of the same key in a compacted topic (the topic wired to
 * the "table" port): a stream-table join. The two topics must be co-partitioned.
 */
export const ZEnrichConfig = z.object({
  /** Where the table's value is put in the output value, e.g. `server` → `{ …value, server: {…} }`. */
  as: ZFieldPath,
  /** What to do when the table has no value for the key. */
  missing: z.enum(["keep", "drop", "dead-letter"]).default("keep"),
});
export type TEnrichConfig = z.infer<typeof ZEnrichConfig>;
