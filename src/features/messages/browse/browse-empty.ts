import type { TBrowsePage, TBrowseUrlState } from "~/domain/messages/browse-query";

/**
 * The sentence an empty page shows, e.g. "No messages at or after offset 500 in partition 2 — the
 * partition ends at 480." It names the position and the partition's range so the next step is clear.
 */
export function emptyPageSentence(state: TBrowseUrlState, page: Pick<TBrowsePage, "watermarks">): string {
  const where = state.partition === "all" ? "in any partition" : `in partition ${state.partition}`;
  const marks = page.watermarks.filter((mark) => !mark.isOffline);
  if (marks.length > 0 && marks.every((mark) => mark.low === mark.high)) {
    return state.partition === "all"
      ? "This topic holds no messages right now."
      : `Partition ${state.partition} holds no messages right now.`;
  }
  const single = state.partition === "all" ? undefined : marks[0];
  if (state.cursor) {
    return state.cursor.direction === "after" ? `No newer messages ${where} yet.` : `No older messages ${where}.`;
  }
  const isForward = state.order === "oldest-first";
  const { start } = state;
  if (start.kind === "offset") {
    const range = single
      ? isForward
        ? ` — the partition ends at ${single.high}`
        : ` — the partition starts at ${single.low}`
      : "";
    return `No messages ${isForward ? "at or after" : "before"} offset ${start.offset} ${where}${range}.`;
  }
  if (start.kind === "timestamp") {
    return `No messages ${isForward ? "at or after" : "before"} ${new Date(start.timestamp).toISOString()} ${where}.`;
  }
  if (start.kind === "latest" && isForward) {
    return "Nothing after the latest offset yet: refresh to see new messages, or use Live tail.";
  }
  return `No messages ${where}.`;
}
