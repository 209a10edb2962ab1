import "server-only";
import { z } from "zod";
import { ZGroupListQuery } from "~/domain/groups/group-list-query";
import { describeGroup, listGroupPage } from "~/server/services/groups/group-list";
import { watchGroup } from "~/server/services/groups/group-watch";
import { limitedStream } from "~/server/services/limits/limits";
import { procedure, router, withAppErrors } from "../trpc";
import { groupHistoryRouter } from "./group-history";
import { groupDeleteProcedures, groupOffsetsRouter } from "./group-offsets";

/** Consumer groups: the list with lag, one group's members, assignments and lag, live. */
export const groupsRouter = router({
  offsets: groupOffsetsRouter,
  history: groupHistoryRouter,
  ...groupDeleteProcedures,

  /** One page of groups with state, type, members, topics and lag (messages and time). */
  list: procedure("viewer")
    .input(ZGroupListQuery)
    .query(({ input }) => listGroupPage(input)),

  /** One group's members, assignment and lag now; NOT_FOUND (so the group page answers 404) when no broker knows it. */
  describe: procedure("viewer")
    .input(z.object({ clusterId: z.string().min(1), groupId: z.string().min(1).max(249) }))
    .query(({ input }) => describeGroup(input.clusterId, input.groupId)),

  /** One group's members, assignment and per-partition lag, pushed about once a second. */
  watch: procedure("viewer")
    .input(z.object({ clusterId: z.string().min(1), groupId: z.string().min(1).max(249) }))
    .subscription(async function* ({ ctx, input, signal }) {
      yield* withAppErrors(limitedStream("watch", ctx.actor, () => watchGroup(input.clusterId, input.groupId, signal)));
    }),
});
