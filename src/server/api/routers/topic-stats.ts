import "server-only";
import { z } from "zod";
import { getLastMinuteRates, getTopicThroughput } from "~/server/services/topics/throughput/throughput-service";
import { procedure } from "../trpc";

/** Produce rates per topic and partition, sampled on the server so charts open with history. */
export const topicStatsProcedures = {
  /** Messages per second over the last `windowMinutes` (the sampler keeps 60). */
  throughput: procedure("viewer")
    .input(
      z.object({
        clusterId: z.string().min(1),
        name: z.string().min(1).max(249),
        windowMinutes: z.number().int().min(1).max(60),
      }),
    )
    .query(({ input }) => getTopicThroughput(input.clusterId, input.name, input.windowMinutes)),

  lastMinuteRates: procedure("viewer")
    .input(z.object({ clusterId: z.string().min(1) }))
    .query(({ input }) => getLastMinuteRates(input.clusterId)),
};
