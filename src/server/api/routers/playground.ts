import "server-only";
import { z } from "zod";
import {
  addPlaygroundMember,
  killPlaygroundMember,
  listPlaygrounds,
  removePlaygroundMember,
  startPlayground,
  stopPlayground,
} from "~/server/services/playground/playground-service";
import { ZPlaygroundMemberRef, ZPlaygroundRef, ZPlaygroundStart } from "~/server/services/playground/playground-rules";
import { watchPlayground } from "~/server/services/playground/playground-watch";
import { limitedStream } from "~/server/services/limits/limits";
import { procedure, router, withAppErrors } from "../trpc";

/**
 * The playground: demo consumer-group members that Tributary runs on a topic, each in its own
 * process, so that operators can add, remove and kill members and watch the group rebalance.
 */
export const playgroundRouter = router({
  /** The playgrounds running on a cluster (on one topic, if named) and the limits the form follows. */
  list: procedure("viewer")
    .input(z.object({ clusterId: z.string().min(1), topic: z.string().min(1).max(249).optional() }))
    .query(({ input }) => listPlaygrounds(input.clusterId, input.topic)),

  /** One playground's members, pushed on every change (joined, assigned, left, killed…). */
  watch: procedure("viewer")
    .input(ZPlaygroundRef)
    .subscription(async function* ({ ctx, input, signal }) {
      yield* withAppErrors(
        limitedStream("watch", ctx.actor, () => watchPlayground(input.clusterId, input.groupId, signal)),
      );
    }),

  /** Starts N demo members in a new group; refused when the group has members Tributary did not start. */
  start: procedure("operator")
    .input(ZPlaygroundStart)
    .mutation(({ ctx, input }) => startPlayground(ctx, input)),

  addMember: procedure("operator")
    .input(ZPlaygroundRef)
    .mutation(({ ctx, input }) => addPlaygroundMember(ctx, input)),

  /** The member sends LeaveGroup and exits: the group rebalances at once. */
  removeMember: procedure("operator")
    .input(ZPlaygroundMemberRef)
    .mutation(({ ctx, input }) => removePlaygroundMember(ctx, input)),

  /** The member's process is killed without a goodbye: the group waits for its session timeout. */
  killMember: procedure("operator")
    .input(ZPlaygroundMemberRef)
    .mutation(({ ctx, input }) => killPlaygroundMember(ctx, input)),

  /** Every member leaves gracefully and the playground ends. */
  stopAll: procedure("operator")
    .input(ZPlaygroundRef)
    .mutation(({ ctx, input }) => stopPlayground(ctx, input)),
});
