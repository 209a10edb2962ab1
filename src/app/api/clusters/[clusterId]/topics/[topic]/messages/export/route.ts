import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { AppError } from "~/lib/app-error";
import { requireRole } from "~/server/auth/require-role";
import { createContext } from "~/server/api/context";
import { serverAllowedHosts } from "~/server/api/allowed-hosts";
import { refuseCrossSiteRequest, refuseForeignHost } from "~/server/api/request-guard";
import { toTRPCError } from "~/server/api/error-formatter";
import { prepareExport } from "~/server/services/messages/search/export-service";

export const dynamic = "force-dynamic";

type TRouteContext = { params: Promise<{ clusterId: string; topic: string }> };

/**
 * Streams the messages tab's current view or search results as a download (JSON lines or CSV).
 * A plain route rather than a tRPC procedure because a download needs a streamed body and
 * Content-Disposition; it checks the same viewer permission and writes the same audit row.
 */
export async function GET(request: Request, context: TRouteContext): Promise<Response> {
  // A download of message data is a read worth stealing: another site's page must not start one.
  const allowed = serverAllowedHosts();
  const refusal = refuseForeignHost(request, allowed) ?? refuseCrossSiteRequest(request, allowed);
  if (refusal) return refusal;
  const { clusterId, topic } = await context.params;
  const controller = new AbortController();
  request.signal.addEventListener("abort", () => controller.abort(), { once: true });
  try {
    // The same check as every tRPC procedure (trpc.ts): anonymous → 401, below viewer → 403.
    const { actor, client } = await createContext({ req: request });
    const { filename, contentType, chunks } = await prepareExport(
      { actor: requireRole(actor, "viewer"), client },
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
  } catch (error) {
    if (error instanceof AppError) {
      const status = getHTTPStatusCodeFromError(toTRPCError(error));
      return sentence(status, error.hint ? `${error.message} ${error.hint}` : error.message);
    }
    console.error("export failed", error);
    return sentence(
      500,
      "Something went wrong on the Tributary server while exporting. Try again; if it persists, check the server log.",
    );
  }
}

function sentence(status: number, text: string): Response {
  return new Response(`${text}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
