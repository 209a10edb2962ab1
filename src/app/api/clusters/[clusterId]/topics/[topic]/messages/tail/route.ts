import { z } from "zod";
import { AppError } from "~/lib/app-error";
import { guardedRoute, sentenceFor } from "~/server/api/route-guard";
import { limitedStream } from "~/server/services/limits/limits";
import { tailMessages } from "~/server/services/messages/tail/tail-messages";
import { encodeTailEvent, encodeTailFailure } from "~/server/services/messages/tail/tail-sse";

export const dynamic = "force-dynamic";

type TRouteContext = { params: Promise<{ clusterId: string; topic: string }> };

const ZTailQuery = z.object({
  /** Absent: every partition, including ones added while tailing. */
  partitions: z.array(z.coerce.number().int().nonnegative()).max(10_000),
  /** Show the newest N messages first; 0 shows only new ones. */
  last: z.coerce.number().int().min(0).max(500).default(0),
  /** Sent by the tail view when it reconnects: the id of the last event it received. */
  lastEventId: z.string().max(200_000).nullable(),
});

/**
 * The live tail of a topic as server-sent events (see `decodeTailEvent` for the format): a plain
 * route rather than a tRPC subscription so that every tab tailing a topic is sent the very bytes
 * the shared reader encoded once. It takes the same guarded path as the procedures (viewer role,
 * the tail limits, an audit row per tail). Refusals answer with a status and a sentence before the
 * stream starts; a failure after it is sent as a last `failure` event.
 */
export async function GET(request: Request, context: TRouteContext): Promise<Response> {
  return guardedRoute(request, "viewer", "tailing", async (by) => {
    const { clusterId, topic } = await context.params;
    const search = new URL(request.url).searchParams;
    const parsed = ZTailQuery.safeParse({
      partitions: search.getAll("partition"),
      last: search.get("last") ?? undefined,
      lastEventId: request.headers.get("last-event-id"),
    });
    if (!parsed.success)
      throw new AppError("BAD_INPUT", "The tail's partitions or its number of last messages are not valid.");
    const { partitions, last, lastEventId } = parsed.data;
    const tail = {
      clusterId,
      topic: decodeURIComponent(topic),
      partitions: partitions.length > 0 ? partitions : null,
      last,
      lastEventId,
    };
    const controller = new AbortController();
    request.signal.addEventListener("abort", () => controller.abort(), { once: true });
    const events = limitedStream("tail", by.actor, () => tailMessages(by, tail, controller.signal));
    // The first event (the reader positioned, or the limit refused) decides the status.
    const first = await events.next().catch(async (error: unknown) => {
      controller.abort();
      throw error;
    });
    let pending: Uint8Array | null = first.done ? null : encodeTailEvent(first.value);
    const body = new ReadableStream<Uint8Array>(
      {
        async pull(stream) {
          if (pending) {
            stream.enqueue(pending);
            pending = null;
            return;
          }
          try {
            const next = await events.next();
            if (next.done) stream.close();
            else stream.enqueue(encodeTailEvent(next.value));
          } catch (error) {
            stream.enqueue(encodeTailFailure(sentenceFor(error, "tailing")));
            stream.close();
          }
        },
        async cancel() {
          controller.abort();
          await events.return(undefined);
        },
        // Nothing is read ahead: a tab that does not keep up leaves its messages in its queue, where
        // they are counted as skipped once it overflows, instead of in a buffer the server holds.
      },
      { highWaterMark: 0 },
    );
    return new Response(body, {
      headers: {
        "Content-Type": "text/event-stream; charset=utf-8",
        "Cache-Control": "no-store",
        "X-Accel-Buffering": "no",
        "X-Content-Type-Options": "nosniff",
      },
    });
  });
}
