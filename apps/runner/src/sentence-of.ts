/**
 * An error as the sentence a log line or a member row shows: its message (AppErrors and the step
 * kinds' errors are sentences already), else `fallback`. Never a stack.
 */
export function sentenceOf(error: unknown, fallback = "It failed without saying why."): string {
  if (error instanceof Error && error.message !== "") return error.message;
  return typeof error === "string" && error !== "" ? error : fallback;
}
