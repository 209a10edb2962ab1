import "server-only";
import { router } from "../trpc";

/** Live tail: new messages of chosen partitions, streamed; tabs tailing one topic share one reader. */
export const tailRouter = router({});
