"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { Banner, ErrorBanner } from "~/components/ui/banner";
import { Badge, type BadgeTone } from "~/components/ui/badge";
import { Skeleton } from "~/components/ui/skeleton";
import { diffDocuments } from "~/domain/pipelines/diff";
import type { TRevisionDetail } from "~/domain/pipelines/pipeline-dto";
import { useTRPC } from "~/trpc/react";
import { ReadOnlyPipelineCanvas } from "../canvas/read-only-canvas";
import { diffCanvas } from "./diff-canvas";
import { diffLines, type TDiffLine } from "./diff-sentences";

const TONES: Record<TDiffLine["mark"], BadgeTone> = {
  added: "ok",
  removed: "danger",
  changed: "warn",
  moved: "neutral",
};

/** Two revisions as one canvas (the older's removed nodes drawn where they were) and the changes as a list. */
export function RevisionDiff({
  clusterId,
  pipelineId,
  pair,
}: {
  clusterId: string;
  pipelineId: string;
  pair: { revision: number; against: number };
}) {
  const trpc = useTRPC();
  const [olderNumber, newerNumber] = [Math.min(pair.revision, pair.against), Math.max(pair.revision, pair.against)];
  const older = useQuery(trpc.pipelines.revision.queryOptions({ clusterId, pipelineId, revision: olderNumber }));
  const newer = useQuery(trpc.pipelines.revision.queryOptions({ clusterId, pipelineId, revision: newerNumber }));
  if (older.error || newer.error) return <ErrorBanner error={older.error ?? newer.error} />;
  if (!older.data || !newer.data) {
    return (
      <div aria-label="Loading the revisions" className="space-y-2">
        <Skeleton className="h-96 w-full" />
      </div>
    );
  }
  return <DiffView older={older.data} newer={newer.data} />;
}

function DiffView({ older, newer }: { older: TRevisionDetail; newer: TRevisionDetail }) {
  const { canvas, lines } = useMemo(() => {
    const diff = diffDocuments(older.document, newer.document);
    return {
      canvas: diffCanvas(older.document, newer.document, diff),
      lines: diffLines(older.document, newer.document, diff),
    };
  }, [older, newer]);
  const title =
    older.revision === newer.revision
      ? `Revision ${newer.revision}`
      : `From revision ${older.revision} to revision ${newer.revision}`;
  return (
    <div className="space-y-4">
      <h3 className="text-sm font-medium" data-testid="diff-title">
        {title}
      </h3>
      <div className="h-[28rem]">
        <ReadOnlyPipelineCanvas nodes={canvas.nodes} edges={canvas.edges} />
      </div>
      {older.revision === newer.revision ? null : lines.length === 0 ? (
        <Banner tone="info" title="The two revisions hold the same pipeline." />
      ) : (
        <ul className="space-y-1 text-sm" aria-label="Changes" data-testid="diff-lines">
          {lines.map((line, index) => (
            <li key={index} className="flex items-start gap-2">
              <Badge tone={TONES[line.mark]}>{line.mark}</Badge>
              <span className="min-w-0 break-words">{line.text}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
