import "server-only";
import { z } from "zod";
import { ZBrowseInput } from "~/domain/messages/browse-query";
import { getMessage } from "~/server/services/messages/browse-get";
import { browseMessages } from "~/server/services/messages/browse-service";
import { procedure, router } from "../trpc";
import { produceProcedures } from "./produce";
import { searchProcedures } from "./search";

/** Reading messages without a consumer group: pages from a position, one message in full. */
export const messagesRouter = router({
  ...searchProcedures,
  ...produceProcedures,

  /** A page of up to 500 messages from a start or a cursor, with cursors to the older and newer pages. */
  browse: procedure("viewer")
    .input(ZBrowseInput)
    .query(({ ctx, input }) => browseMessages(ctx, input)),

  /** One message with its key, value and headers in full (the list cuts long payloads). */
  get: procedure("viewer")
    .input(
      z.object({
        clusterId: z.string().min(1),
        topic: z.string().min(1).max(249),
        partition: z.number().int().min(0),
        offset: z.string().regex(/^\d{1,19}$/),
      }),
    )
    .query(({ ctx, input }) => getMessage(ctx, input)),
});
