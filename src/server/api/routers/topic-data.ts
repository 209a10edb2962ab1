import "server-only";
import { router } from "../trpc";

/** Samples of a topic's records read without a consumer group: keys, partition timestamps. */
export const topicDataRouter = router({});
