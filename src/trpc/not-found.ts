import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";

/**
 * Runs a page's server-side prefetch and answers HTTP 404 (Next's notFound(), which renders the
 * segment's not-found.tsx) when the cluster, topic or group does not exist. Any other failure is
 * left to the browser, which shows its sentence and a retry: the query is simply not hydrated.
 */
export async function fetchOrNotFound(fetch: () => Promise<unknown>): Promise<void> {
  try {
    await fetch();
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
  }
}
