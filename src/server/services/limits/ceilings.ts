import "server-only";
import type { TSearchQuery } from "~/domain/messages/search-query";
import { env } from "~/env";
import { AppError } from "~/lib/app-error";

const count = (value: number) => value.toLocaleString("en-US");

/**
 * The server's ceilings on one search, whatever the client asked for: a budget above one is
 * refused with a sentence naming the variable, so nobody mistakes a clamped search for a full one.
 */
export function assertSearchCeilings(
  query: Pick<TSearchQuery, "maxMessages" | "maxSeconds"> & { maxResults: number | null },
): void {
  const checks = [
    {
      asked: query.maxMessages,
      most: env.SEARCH_MAX_MESSAGES,
      what: "messages scanned",
      variable: "SEARCH_MAX_MESSAGES",
    },
    { asked: query.maxSeconds, most: env.SEARCH_MAX_SECONDS, what: "seconds", variable: "SEARCH_MAX_SECONDS" },
    { asked: query.maxResults, most: env.SEARCH_MAX_RESULTS, what: "matches", variable: "SEARCH_MAX_RESULTS" },
  ];
  for (const { asked, most, what, variable } of checks) {
    // An export's matches are bounded by EXPORT_MAX_MESSAGES instead (null here).
    if (asked !== null && asked > most) {
      throw new AppError(
        "BAD_INPUT",
        `This server allows at most ${count(most)} ${what} per search (${variable}); the search asked for ${count(asked)}.`,
        `Lower the budget, or ask whoever runs Tributary to raise ${variable}.`,
      );
    }
  }
}

/** Most matches an export writes: the search's own cap, at most EXPORT_MAX_MESSAGES. */
export function exportMaxMessages(asked: number): number {
  return Math.min(asked, env.EXPORT_MAX_MESSAGES);
}

/** The sentence that ends an export at EXPORT_MAX_BYTES. */
export function exportTooLarge(): AppError {
  return new AppError(
    "BAD_INPUT",
    `The export reached ${count(env.EXPORT_MAX_BYTES)} bytes, the most this server writes in one export (EXPORT_MAX_BYTES), and was stopped.`,
    "Narrow the search or the range and export again.",
  );
}

/** Most bytes an export writes (EXPORT_MAX_BYTES). */
export const exportMaxBytes = () => env.EXPORT_MAX_BYTES;
