"use client";

import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import superjson from "superjson";
import type { AppRouter } from "~/server/api/root";
import { makeQueryClient } from "./query-client";

// useTRPCClient: for calls that must be cancellable (an AbortSignal per call, which the query-options API omits).
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

let browserQueryClient: QueryClient | undefined;

function getQueryClient() {
  if (typeof window === "undefined") return makeQueryClient();
  return (browserQueryClient ??= makeQueryClient());
}

const url = "/api/trpc";
// The server refuses changes without this header (src/server/api/request-guard.ts): another site's
// page cannot add it without a CORS preflight, which Tributary never grants.
const headers = { "x-tributary-request": "1" };
// The server refuses batches of more than 20 calls (MAX_BATCH_CALLS); larger ones are split here.
const maxItems = 20;
// Queries whose input can be longer than a URL may be (a schema being edited): sent as POST, which
// the server allows for queries (allowMethodOverride) under the same checks as every POST.
const LONG_INPUT_QUERIES = new Set(["definitions.checkSchema"]);

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        splitLink({
          condition: (operation) => operation.type === "subscription",
          true: httpSubscriptionLink({ url, transformer: superjson }),
          false: splitLink({
            condition: (operation) => LONG_INPUT_QUERIES.has(operation.path),
            true: httpLink({ url, transformer: superjson, headers, methodOverride: "POST" }),
            false: httpBatchLink({ url, transformer: superjson, headers, maxItems }),
          }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
