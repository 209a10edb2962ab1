/** The revisions page's URL: `?revision=N&against=M` opens the diff of N against M (shareable). */
import type { TRevisionSummary } from "~/domain/pipelines/pipeline-dto";
import { revisionsHref } from "../pipeline-links";

export function revisionPairHref(
  clusterId: string,
  pipelineId: string,
  pair: { revision: number; against: number },
): string {
  return `${revisionsHref(clusterId, pipelineId)}?revision=${pair.revision}&against=${pair.against}`;
}

/**
 * The pair to show: the URL's when both exist, else the newest revision against the one before it
 * (what the last save changed); a single revision is compared with itself.
 */
export function chosenPair(
  revisions: readonly TRevisionSummary[],
  params: { revision: string | null; against: string | null },
): { revision: number; against: number } | null {
  const numbers = revisions.map((revision) => revision.revision).sort((a, b) => b - a);
  const newest = numbers[0];
  if (newest === undefined) return null;
  const exists = (text: string | null) => {
    const value = text !== null && /^\d+$/.test(text) ? Number(text) : null;
    return value !== null && numbers.includes(value) ? value : null;
  };
  const revision = exists(params.revision) ?? numbers[1] ?? newest;
  const against = exists(params.against) ?? newest;
  return { revision, against };
}
