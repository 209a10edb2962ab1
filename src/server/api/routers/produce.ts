import "server-only";
import { ZProduceRequest } from "~/domain/messages/produce-request";
import { produceMessages } from "~/server/services/messages/produce-service";
import { procedure, router } from "../trpc";

/** Producing messages and replaying existing ones (operator). */
export const produceRouter = router({
  /** Sends a message `repeat` times, or replays one (edited or not); answers where each landed. */
  send: procedure("operator")
    .input(ZProduceRequest)
    .mutation(({ ctx, input }) => produceMessages(ctx.actor, input)),
});
