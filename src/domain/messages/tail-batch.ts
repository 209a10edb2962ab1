import type { TMessage } from "./message";

/** Where the shared reader of a topic stands, as the tail view shows it. */
export type TTailStatus =
  | { state: "live"; partitions: number[] }
  | { state: "reconnecting"; message: string; hint: string | null; retryInMs: number };

/**
 * What one `messages.tail` event carries: the messages since the last event (oldest first) and how
 * many this subscriber missed because it fell behind (`skipped`) — a message is in one or the other.
 */
export type TTailBatch = {
  messages: TMessage[];
  skipped: number;
  status: TTailStatus;
};

/**
 * One tail event as it travels: an SSE event whose data holds one line per part. The first line is
 * the event's head, `{"skipped":…,"status":…}`; each further line is a JSON array of messages
 * (`TMessage[]`, in order), most of them encoded once by the shared reader and sent as the same
 * bytes to every tab. JSON never holds a raw line break, so the lines split cleanly.
 */
export type TTailEventHead = { skipped: number; status: TTailStatus };

/** The batch an event's data (its `data:` lines joined by "\n") carries. Isomorphic: the tail view and tests use it. */
export function decodeTailEvent(data: string): TTailBatch {
  const [head, ...chunks] = data.split("\n");
  const { skipped, status } = JSON.parse(head!) as TTailEventHead;
  const messages: TMessage[] = [];
  for (const chunk of chunks) for (const message of JSON.parse(chunk) as TMessage[]) messages.push(message);
  return { messages, skipped, status };
}
