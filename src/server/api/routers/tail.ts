import "server-only";
import { tracked } from "@trpc/server";
import { z } from "zod";
import { limitedStream } from "~/server/services/limits/limits";
import { tailMessages } from "~/server/services/messages/tail/tail-messages";
import { procedure, withAppErrors } from "../trpc";

export const ZTailInput = z.object({
  clusterId: z.string().min(1),
  topic: z.string().min(1).max(249),
  /** null: every partition, including ones added while tailing. */
  partitions: z.array(z.number().int().nonnegative()).min(1).max(10_000).nullable(),
  /** Show the newest N messages first; 0 shows only new ones. */
  last: z.number().int().min(0).max(500).default(0),
  /** Set by tRPC's SSE client when it reconnects: the id of the last event it received. */
  lastEventId: z.string().max(200_000).nullish(),
});

/** Live tail: new messages of chosen partitions, streamed; tabs tailing one topic share one reader. */
export const tailProcedures = {
  /** New messages from the moment of subscribing, in batches at most every ~100 ms, with drop counts. */
  tail: procedure("viewer")
    .input(ZTailInput)
    .subscription(async function* ({ ctx, input, signal }) {
      // The event id is the tail's cursor, so a reconnecting stream resumes instead of skipping.
      for await (const event of withAppErrors(
        limitedStream("tail", ctx.actor, () => tailMessages(ctx, input, signal)),
      )) {
        yield tracked(event.cursor || "-", event.batch);
      }
    }),
};
