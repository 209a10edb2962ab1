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
 * A `TTailBatch` as it travels: the messages as JSON arrays (`TMessage[]` each, in order), most of
 * them serialized once by the shared reader and sent as the same string to every tab. The tail
 * view parses them (`decodeTailBatch`).
 */
export type TTailWireBatch = {
  chunks: string[];
  skipped: number;
  status: TTailStatus;
};

/** The batch a wire batch carries. Isomorphic: the tail view and tests use it. */
export function decodeTailBatch(wire: TTailWireBatch): TTailBatch {
  const messages: TMessage[] = [];
  for (const chunk of wire.chunks) for (const message of JSON.parse(chunk) as TMessage[]) messages.push(message);
  return { messages, skipped: wire.skipped, status: wire.status };
}
