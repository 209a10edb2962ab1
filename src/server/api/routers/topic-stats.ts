import "server-only";
import { router } from "../trpc";

/** Produce rates per topic and partition, sampled on the server so charts open with history. */
export const topicStatsRouter = router({});
