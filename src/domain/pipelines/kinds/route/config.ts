import { z } from "zod";
import { ZJsonataSource } from "../../jsonata-source";

/** A route's name is its output port on the canvas. */
export const ROUTE_NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;

/**
 * Sends each record to the first route whose predicate matches; unmatched records go to the
 * "default" port, are dropped, or go to the dead-letter topic.
 */
export const ZRouteConfig = z.object({
  routes: z
    .array(
      z.object({
        name: z
          .string()
          .regex(ROUTE_NAME_PATTERN, "A route name is lower-case letters, digits, '_' or '-', at most 40.")
          .refine((name) => name !== "default" && name !== "dead-letter", "That name is taken by a built-in port."),
        predicate: ZJsonataSource,
      }),
    )
    .min(1, "Add at least one route.")
    .max(20)
    .refine((routes) => new Set(routes.map((r) => r.name)).size === routes.length, "Two routes have the same name."),
  unmatched: z.enum(["default", "drop", "dead-letter"]).default("default"),
});
export type TRouteConfig = z.infer<typeof ZRouteConfig>;
