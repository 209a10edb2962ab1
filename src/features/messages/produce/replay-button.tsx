"use client";

import type { TMessage } from "~/domain/messages/message";

// Placeholder until replay is built (issue 4): sends this message, edited or not, to this or another topic.
export function ReplayButton(_props: { clusterId: string; topic: string; message: TMessage }) {
  return null;
}
