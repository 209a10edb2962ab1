import { topicListHref } from "~/features/topics/detail/topic-links";

/** The Browse view of one partition from an offset: where a produced or replayed message can be seen. */
export function browseAtHref(clusterId: string, topic: string, at: { partition: number; firstOffset: string }): string {
  const params = new URLSearchParams({
    tab: "messages",
    mode: "browse",
    partition: String(at.partition),
    start: "offset",
    offset: at.firstOffset,
  });
  return `${topicListHref(clusterId)}/${encodeURIComponent(topic)}?${params.toString()}`;
}
