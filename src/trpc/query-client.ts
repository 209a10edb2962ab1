import { QueryClient } from "@tanstack/react-query";

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        // Errors the user can act on are shown at once; the page's own retry button tries again.
        retry: 1,
      },
    },
  });
}
