import "server-only";
import { router } from "../trpc";

/** Producing messages and replaying existing ones (operator). */
export const produceRouter = router({});
