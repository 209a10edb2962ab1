import "server-only";
import { z } from "zod";
import { ZOffsetResetRequest } from "~/domain/groups/offset-reset";
import { deleteTopicOffsets, removeGroup } from "~/server/services/groups/offsets-delete-service";
import { applyOffsetReset, previewOffsetReset, readOffsetsGuard } from "~/server/services/groups/offsets-service";
import { procedure, router } from "../trpc";

const ZGroupRef = z.object({ clusterId: z.string().min(1), groupId: z.string().min(1).max(255) });

/** A group's committed offsets: reset with a preview, delete for a topic (operator). */
export const groupOffsetsRouter = router({
  /** The group's state and active members: offset changes wait until it has none. */
  guard: procedure("viewer")
    .input(ZGroupRef)
    .query(({ input }) => readOffsetsGuard(input.clusterId, input.groupId)),

  /** Before → after per partition, and the sentence that blocks the reset while members are active. */
  previewReset: procedure("viewer")
    .input(ZOffsetResetRequest)
    .query(({ input }) => previewOffsetReset(input)),

  /** Applies the reset to a group without members and returns the offsets read back from Kafka. */
  reset: procedure("operator")
    .input(ZOffsetResetRequest)
    .mutation(({ ctx, input }) => applyOffsetReset(ctx, input)),

  deleteTopicOffsets: procedure("operator")
    .input(ZGroupRef.extend({ topic: z.string().min(1).max(249) }))
    .mutation(({ ctx, input }) => deleteTopicOffsets(ctx, input)),
});

export const groupDeleteProcedures = {
  /** `confirmation` must repeat the group id: the group's committed offsets go with it. */
  delete: procedure("operator")
    .input(ZGroupRef.extend({ confirmation: z.string() }))
    .mutation(({ ctx, input }) => removeGroup(ctx, input)),
};
