/**
 * Where the cluster switcher goes: the same page under the other cluster. Topic and group pages
 * name something that may not exist there, so they say what to check before going.
 */

/** The page being shown, as the switcher reads it from the URL path. */
export type TClusterPage =
  | { kind: "none" }
  | { kind: "topic"; clusterId: string; topic: string }
  | { kind: "group"; clusterId: string; groupId: string }
  /** Any other page of one cluster; `rest` is the path after /clusters/<id> ("" or "/topics"…). */
  | { kind: "other"; clusterId: string; rest: string };

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export function parseClusterPage(pathname: string): TClusterPage {
  const segments = pathname.split("/");
  if (segments[1] !== "clusters" || !segments[2]) return { kind: "none" };
  const clusterId = decode(segments[2]);
  if (clusterId === null) return { kind: "none" };
  const [, , , section, name] = segments;
  const decoded = name ? decode(name) : null;
  if (section === "topics" && decoded) return { kind: "topic", clusterId, topic: decoded };
  if (section === "groups" && decoded) return { kind: "group", clusterId, groupId: decoded };
  return { kind: "other", clusterId, rest: segments.slice(3).length ? `/${segments.slice(3).join("/")}` : "" };
}

const clusterRoot = (clusterId: string) => `/clusters/${encodeURIComponent(clusterId)}`;

/** The path of the same page on another cluster (without the query string). */
export function samePageOn(page: TClusterPage, clusterId: string): string {
  switch (page.kind) {
    case "none":
      return `${clusterRoot(clusterId)}/topics`;
    case "topic":
      return `${clusterRoot(clusterId)}/topics/${encodeURIComponent(page.topic)}`;
    case "group":
      return `${clusterRoot(clusterId)}/groups/${encodeURIComponent(page.groupId)}`;
    case "other":
      // A pipeline belongs to one cluster: the other cluster's pipeline list, not a missing id.
      if (page.rest.startsWith("/pipelines/")) return `${clusterRoot(clusterId)}/pipelines`;
      return `${clusterRoot(clusterId)}${page.rest || "/topics"}`;
  }
}

/** Where to go when the page's topic or group does not exist on the other cluster: its list. */
export function listPageOn(page: TClusterPage, clusterId: string): string {
  return `${clusterRoot(clusterId)}/${page.kind === "group" ? "groups" : "topics"}`;
}

/** The sentence shown on that list. */
export function missingSentence(page: TClusterPage, clusterName: string): string {
  if (page.kind === "group") return `The consumer group ${page.groupId} does not exist on ${clusterName}.`;
  if (page.kind === "topic") return `The topic ${page.topic} does not exist on ${clusterName}.`;
  return "";
}

/** Which section of its cluster a page belongs to ("topics", "groups", "definitions"…), for the navigation. */
export function clusterSection(page: TClusterPage): string | null {
  if (page.kind === "none") return null;
  if (page.kind === "topic") return "topics";
  if (page.kind === "group") return "groups";
  return page.rest.split("/")[1] || null;
}
