/** Where the pipeline pages live (the list, the editor, its revisions), shared by the pipeline pages. */
const clusterRoot = (clusterId: string) => `/clusters/${encodeURIComponent(clusterId)}`;

export function pipelinesHref(clusterId: string): string {
  return `${clusterRoot(clusterId)}/pipelines`;
}

/** The editor; with a node id, that node is selected (the URL can be shared). */
export function pipelineHref(clusterId: string, pipelineId: string, nodeId?: string | null): string {
  const path = `${pipelinesHref(clusterId)}/${encodeURIComponent(pipelineId)}`;
  return nodeId ? `${path}?node=${encodeURIComponent(nodeId)}` : path;
}

export function revisionsHref(clusterId: string, pipelineId: string): string {
  return `${pipelineHref(clusterId, pipelineId)}/revisions`;
}
