import "server-only";
import { router } from "../trpc";

/** Server-side search over a topic's messages with a scan budget, progress and cancel. */
export const searchRouter = router({});
