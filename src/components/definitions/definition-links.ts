/**
 * Where the definitions pages live. Shared by the catalogue and the topic page's definition card, so
 * neither feature imports the other for a path.
 */
const clusterRoot = (clusterId: string) => `/clusters/${encodeURIComponent(clusterId)}`;

function withTopics(path: string, topicNames: readonly string[] | undefined): string {
  // Topic names hold only [a-zA-Z0-9._-], so a comma separates them without ambiguity.
  return topicNames && topicNames.length > 0 ? `${path}?topics=${topicNames.map(encodeURIComponent).join(",")}` : path;
}

export function catalogueHref(clusterId: string): string {
  return `${clusterRoot(clusterId)}/definitions`;
}

export function definitionHref(clusterId: string, topicName: string): string {
  return `${clusterRoot(clusterId)}/definitions/${encodeURIComponent(topicName)}`;
}

/** The import page, with these topics already ticked. */
export function importHref(clusterId: string, topicNames?: readonly string[]): string {
  return withTopics(`${clusterRoot(clusterId)}/definitions/import`, topicNames);
}

/** The plan of these topics' definitions, or of the whole cluster. */
export function planHref(clusterId: string, topicNames?: readonly string[]): string {
  return withTopics(`${clusterRoot(clusterId)}/definitions/plan`, topicNames);
}

export function topicHref(clusterId: string, topicName: string): string {
  return `${clusterRoot(clusterId)}/topics/${encodeURIComponent(topicName)}`;
}

/** `?topics=a,b` → ["a", "b"] (empty and repeated names dropped). */
export function parseTopicsParam(value: string | null): string[] {
  if (!value) return [];
  return [...new Set(value.split(",").map((name) => name.trim()))].filter((name) => name.length > 0);
}
