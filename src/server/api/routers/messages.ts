import "server-only";
import { router } from "../trpc";

/** Reading messages without a consumer group: pages from a position, one message in full. */
export const messagesRouter = router({});
