import "server-only";
import { ZSearchInput } from "~/domain/messages/search-query";
import { limitedStream } from "~/server/services/limits/limits";
import { runSearch } from "~/server/services/messages/search/search-service";
import { procedure, withAppErrors } from "../trpc";

/** Server-side search over a topic's messages with a scan budget, progress and cancel. */
export const searchProcedures = {
  /**
   * Scans and streams progress (at most twice a second) with the matches found so far, then a
   * final event: complete, or partial and why. Unsubscribing aborts the scan.
   */
  search: procedure("viewer")
    .input(ZSearchInput)
    .subscription(async function* ({ ctx, input, signal }) {
      yield* withAppErrors(
        limitedStream("search", ctx.actor, () => runSearch(ctx, input, signal ?? new AbortController().signal)),
      );
    }),
};
