import { z } from "zod";
import { ZJsonataSource } from "../../jsonata-source";

/** Replaces each value with a JSONata transform of it; optionally a new key from another expression. */
export const ZMapConfig = z.object({
  expression: ZJsonataSource,
  /** Empty: the key stays. Otherwise its result (as text) becomes the key. */
  keyExpression: z.string().max(10_000).default(""),
});
export type TMapConfig = z.infer<typeof ZMapConfig>;
