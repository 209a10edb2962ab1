import { browseParams, DEFAULT_BROWSE_LIMIT } from "~/domain/messages/browse-query";
import { topicListHref } from "~/features/topics/detail/topic-links";

/** The Browse view of one partition from an offset: where a produced or replayed message can be seen. */
export function browseAtHref(clusterId: string, topic: string, at: { partition: number; firstOffset: string }): string {
  const state = browseParams({
    partition: at.partition,
    start: { kind: "offset", offset: at.firstOffset },
    order: "oldest-first",
    limit: DEFAULT_BROWSE_LIMIT,
    cursor: undefined,
  });
  const params = new URLSearchParams({ tab: "messages", mode: "browse" });
  for (const [key, value] of Object.entries(state)) if (value !== null) params.set(key, value);
  return `${topicListHref(clusterId)}/${encodeURIComponent(topic)}?${params.toString()}`;
}
