import "server-only";
import { ZProduceRequest } from "~/domain/messages/produce-request";
import { produceMessages } from "~/server/services/messages/produce-service";
import { procedure } from "../trpc";

/** Producing messages and replaying existing ones (operator). */
export const produceProcedures = {
  /** Sends a message `repeat` times, or replays one (edited or not); answers where each landed. */
  produce: procedure("operator")
    .input(ZProduceRequest)
    .mutation(({ ctx, input }) => produceMessages(ctx, input)),
};
