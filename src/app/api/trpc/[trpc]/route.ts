import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "~/server/api/root";
import { createContext } from "~/server/api/context";
import { serverAllowedHosts } from "~/server/api/allowed-hosts";
import {
  MAX_BATCH_CALLS,
  MAX_BODY_BYTES,
  MAX_PRODUCE_BODY_BYTES,
  refuseCrossSiteRequest,
  refuseForeignHost,
  refuseLargeBatch,
  withBodyLimit,
} from "~/server/api/request-guard";

export const dynamic = "force-dynamic";

const endpoint = "/api/trpc";

/** Produce calls carry the record itself (up to 8 MiB); everything else fits in 1 MiB. */
function bodyLimit(url: URL): number {
  const paths = decodeURIComponent(url.pathname.slice(endpoint.length + 1)).split(",");
  return paths.every((path) => path === "messages.produce") ? MAX_PRODUCE_BODY_BYTES : MAX_BODY_BYTES;
}

async function handler(request: Request) {
  const allowed = serverAllowedHosts();
  const url = new URL(request.url);
  const refusal =
    refuseForeignHost(request, allowed) ?? refuseCrossSiteRequest(request, allowed) ?? refuseLargeBatch(url, endpoint);
  if (refusal) return refusal;
  const limited = await withBodyLimit(request, bodyLimit(url));
  if (limited instanceof Response) return limited;
  return fetchRequestHandler({
    endpoint,
    req: limited,
    router: appRouter,
    maxBatchSize: MAX_BATCH_CALLS,
    // A few queries (a schema being checked) carry inputs too long for a URL; the client sends them as POST.
    allowMethodOverride: true,
    createContext: ({ req, resHeaders }) => createContext({ req, resHeaders }),
  });
}

export { handler as GET, handler as POST };
