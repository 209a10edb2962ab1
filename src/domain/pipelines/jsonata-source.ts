import { z } from "zod";

/** A JSONata expression's text as a config holds it (parsed and budgeted by the step host). */
export const ZJsonataSource = z.string().trim().min(1, "Enter a JSONata expression.").max(10_000);

/** A field of a value by dot path: `value`, `payload.cpu`. */
export const ZFieldPath = z
  .string()
  .trim()
  .regex(/^[A-Za-z_$][\w$-]*(\.[A-Za-z_$][\w$-]*)*$/, "A field is a dot path such as payload.cpu.")
  .max(500);
