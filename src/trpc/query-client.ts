import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";
import superjson from "superjson";
import { isDatabaseUnreachable } from "~/lib/error-message";

/**
 * A query refused because PostgreSQL was away asks again this often, so its sentence clears by
 * itself once the database is back. Queries with their own refetchInterval keep theirs.
 */
const DATABASE_RETRY_MS = 3_000;

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        // Errors the user can act on are shown at once; the page's own retry button tries again.
        retry: 1,
        refetchInterval: (query) => (isDatabaseUnreachable(query.state.error) ? DATABASE_RETRY_MS : false),
      },
      // Server-prefetched data crosses to the browser with the same transformer as tRPC's own.
      dehydrate: {
        serializeData: superjson.serialize,
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}
