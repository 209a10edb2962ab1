import "server-only";
import { z } from "zod";
import { partitionTimestamps, sampleKeys } from "~/server/services/topics/topic-data";
import { procedure } from "../trpc";

const ZTopicRef = z.object({ clusterId: z.string().min(1), name: z.string().min(1).max(249) });

/**
 * A bounded sample, not the whole topic: a topic may hold billions of records, and the page only
 * needs enough recent ones to see how keys spread. 5,000 keeps one request's reads and the
 * response small; 2,000 gives partitions enough messages each to judge hot ones.
 */
const MAX_KEY_SAMPLE = 5_000;
const DEFAULT_KEY_SAMPLE = 2_000;

/** Samples of a topic's records read without a consumer group: keys, partition timestamps. */
export const topicDataProcedures = {
  keySample: procedure("viewer")
    .input(ZTopicRef.extend({ limit: z.number().int().min(1).max(MAX_KEY_SAMPLE).default(DEFAULT_KEY_SAMPLE) }))
    .query(({ ctx, input }) => sampleKeys(ctx, input.clusterId, input.name, input.limit)),

  partitionTimestamps: procedure("viewer")
    .input(ZTopicRef)
    .query(({ input }) => partitionTimestamps(input.clusterId, input.name)),
};
