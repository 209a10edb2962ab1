import { z } from "zod";
import { ZJsonataSource } from "../../jsonata-source";

/** Keeps the records whose value matches a JSONata predicate (`value > 90 and metric = "cpu"`). */
export const ZFilterConfig = z.object({
  predicate: ZJsonataSource,
});
export type TFilterConfig = z.infer<typeof ZFilterConfig>;
