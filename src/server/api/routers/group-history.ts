import "server-only";
import { z } from "zod";
import { DEFAULT_LAG_RANGE, ZLagRange } from "~/domain/groups/lag-range";
import { getLagHistory } from "~/server/services/groups/lag-history";
import { listGroupRebalances } from "~/server/services/groups/history-rebalances";
import { watchGroupHistory } from "~/server/services/groups/history-watcher";
import { limitedStream } from "~/server/services/limits/limits";
import { procedure, router, withAppErrors } from "../trpc";

const ZGroupRef = z.object({ clusterId: z.string().min(1), groupId: z.string().min(1).max(255) });

/** Rebalance history and lag history of consumer groups, stored in PostgreSQL. */
export const groupHistoryRouter = router({
  /** Stored rebalances of one group, newest first, paged. */
  rebalances: procedure("viewer")
    .input(
      ZGroupRef.extend({
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(1).max(100).default(20),
      }),
    )
    .query(({ input }) => listGroupRebalances(input)),

  /**
   * Watches the group while the page is open (one shared watcher per group on the server) and
   * pushes each stored or updated rebalance within about a second of Kafka reporting it.
   */
  watch: procedure("viewer")
    .input(ZGroupRef)
    .subscription(async function* ({ ctx, input, signal }) {
      yield* withAppErrors(
        limitedStream("watch", ctx.actor, () => watchGroupHistory(input.clusterId, input.groupId, signal)),
      );
    }),

  /**
   * The group's lag over a range, sampled on the server every LAG_SAMPLE_SECONDS and stored:
   * total and time lag, lag per partition of one topic (the largest of each bucket, ≤ ~300 points a series),
   * and the stored rebalances of the window as markers.
   */
  lag: procedure("viewer")
    .input(
      ZGroupRef.extend({
        range: ZLagRange.default(DEFAULT_LAG_RANGE),
        /** The topic of the per-partition series; the group's first topic when not given. */
        topic: z.string().min(1).max(249).optional(),
      }),
    )
    .query(({ input }) => getLagHistory(input)),
});
