/**
 * Turns whatever a tRPC call rejected with into what the user reads: a sentence and, when known,
 * what to do. The server's error formatter already wrote both; this only unpacks them.
 */
export type UserMessage = { message: string; hint: string | null };

export function toUserMessage(error: unknown): UserMessage {
  if (error && typeof error === "object") {
    const shape = error as { message?: unknown; data?: { hint?: unknown } | null };
    const hint = typeof shape.data?.hint === "string" ? shape.data.hint : null;
    if (typeof shape.message === "string" && shape.message.length > 0) {
      // A fetch that never reached the server says "Failed to fetch"; say what that means.
      if (/failed to fetch|networkerror|load failed/i.test(shape.message)) {
        return { message: "The Tributary server is not answering.", hint: "Check that it is running; this page retries." };
      }
      return { message: shape.message, hint };
    }
  }
  return { message: "Something went wrong.", hint: "Try again." };
}

/** Whether a tRPC call failed because Tributary's database (PostgreSQL) was unreachable. */
export function isDatabaseUnreachable(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const data = (error as { data?: { appCode?: unknown } | null }).data;
  return data?.appCode === "DATABASE_UNREACHABLE";
}
