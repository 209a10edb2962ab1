import { guardedRoute } from "~/server/api/route-guard";
import { prepareExport } from "~/server/services/messages/search/export-service";

export const dynamic = "force-dynamic";

type TRouteContext = { params: Promise<{ clusterId: string; topic: string }> };

/**
 * Streams the messages tab's current view or search results as a download (JSON lines or CSV).
 * A plain route rather than a tRPC procedure because a download needs a streamed body and
 * Content-Disposition; it takes the same guarded path (viewer role, audit row, sentences).
 */
export async function GET(request: Request, context: TRouteContext): Promise<Response> {
  return guardedRoute(request, "viewer", "exporting", async (by) => {
    const { clusterId, topic } = await context.params;
    const controller = new AbortController();
    request.signal.addEventListener("abort", () => controller.abort(), { once: true });
    const { filename, contentType, chunks } = await prepareExport(
      by,
      { clusterId, topic: decodeURIComponent(topic) },
      new URL(request.url).searchParams,
      controller.signal,
    );
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(stream) {
        try {
          const next = await chunks.next();
          if (next.done) stream.close();
          else stream.enqueue(encoder.encode(next.value));
        } catch (error) {
          // The status is already sent; failing the stream makes the browser report a failed download.
          stream.error(error);
        }
      },
      async cancel() {
        controller.abort();
        await chunks.return(undefined);
      },
    });
    return new Response(body, {
      headers: {
        "Content-Type": contentType,
        "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  });
}
