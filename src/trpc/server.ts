import "server-only";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { cache } from "react";
import { createContext } from "~/server/api/context";
import { appRouter } from "~/server/api/root";
import { makeQueryClient } from "./query-client";

/**
 * Server-side prefetch: a page fetches a query while it renders and hands the result to the
 * browser (HydrationBoundary), so the first HTML already holds the data instead of a skeleton.
 * One query client per request (React's cache).
 */
export const getServerQueryClient = cache(makeQueryClient);

/** Prefetches act as the account whose cookies came with the page request. */
export const serverTrpc = createTRPCOptionsProxy({
  router: appRouter,
  ctx: async () => createContext({ headers: await headers() }),
  queryClient: getServerQueryClient,
});
