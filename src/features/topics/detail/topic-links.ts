/** The topic list of one cluster (the breadcrumb and where a deleted topic leads). */
export function topicListHref(clusterId: string): string {
  return `/clusters/${encodeURIComponent(clusterId)}/topics`;
}

export const TOPIC_TABS = ["partitions", "messages", "configs", "keys", "throughput", "playground"] as const;
export type TTopicTab = (typeof TOPIC_TABS)[number];

export function parseTopicTab(value: string | null): TTopicTab {
  return TOPIC_TABS.find((tab) => tab === value) ?? "partitions";
}
