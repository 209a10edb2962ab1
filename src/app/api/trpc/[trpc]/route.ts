import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "~/server/api/root";
import { createContext } from "~/server/api/context";
import { refuseCrossSiteMutation } from "~/server/api/request-guard";

export const dynamic = "force-dynamic";

function handler(request: Request) {
  const refusal = refuseCrossSiteMutation(request);
  if (refusal) return refusal;
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: ({ req, resHeaders }) => createContext({ req, resHeaders }),
  });
}

export { handler as GET, handler as POST };
