"use client";

import type { TTopicDescription } from "~/domain/topics/topic-dto";

// Placeholder until the view is built (issue 4).
export function BrowseView(_props: { clusterId: string; topic: TTopicDescription }) {
  return null;
}
