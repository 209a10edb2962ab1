import "server-only";
import type { TTailEventHead } from "~/domain/messages/tail-batch";
import type { UserMessage } from "~/lib/error-message";
import type { TTailEvent } from "./tail-messages";

const encoder = new TextEncoder();
const EVENT_END = encoder.encode("\n");

/**
 * One tail event as SSE bytes: `id:` (the cursor a reconnect resumes from), the head line, then
 * the data lines as they are — shared chunks are the very bytes every other tab receives.
 */
export function encodeTailEvent(event: TTailEvent): Uint8Array {
  const head: TTailEventHead = { skipped: event.skipped, status: event.status };
  const first = encoder.encode(`id: ${event.cursor}\ndata: ${JSON.stringify(head)}\n`);
  return Buffer.concat([first, ...event.dataLines, EVENT_END]);
}

/** The last event of a stream that failed after it started: the sentence the tail view shows. */
export function encodeTailFailure(failure: UserMessage): Uint8Array {
  return encoder.encode(`event: failure\ndata: ${JSON.stringify(failure)}\n\n`);
}
