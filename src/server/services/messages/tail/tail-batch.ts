import type { TMessage } from "~/domain/messages/message";

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
