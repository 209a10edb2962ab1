import Link from "next/link";
import { Badge } from "~/components/ui/badge";
import type { TRevisionCause, TRevisionSummary } from "~/domain/pipelines/pipeline-dto";
import { cn } from "~/lib/cn";
import { revisionPairHref } from "./revisions-url";

const CAUSES: Record<TRevisionCause, string> = {
  create: "created",
  save: "saved",
  autosave: "autosaved",
  restore: "restored",
  import: "imported",
};

export const TIME_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** Every revision, newest first; choosing one shows what changed between it and the newest. */
export function RevisionList({
  clusterId,
  pipelineId,
  revisions,
  pair,
}: {
  clusterId: string;
  pipelineId: string;
  revisions: TRevisionSummary[];
  pair: { revision: number; against: number };
}) {
  const newest = revisions.reduce((top, revision) => Math.max(top, revision.revision), 0);
  const sorted = [...revisions].sort((a, b) => b.revision - a.revision);
  return (
    <ol className="divide-line divide-y" aria-label="Revisions">
      {sorted.map((revision) => {
        const isShown = revision.revision === pair.revision || revision.revision === pair.against;
        // The current revision's row shows what its save changed.
        const link =
          revision.revision === newest
            ? { revision: sorted[1]?.revision ?? newest, against: newest }
            : { revision: revision.revision, against: newest };
        return (
          <li key={revision.revision} data-testid="revision-row">
            <Link
              href={revisionPairHref(clusterId, pipelineId, link)}
              aria-current={isShown ? "true" : undefined}
              className={cn("hover:bg-surface-raised block space-y-0.5 px-4 py-2.5", isShown && "bg-accent-soft")}
            >
              <p className="flex items-center gap-2 text-sm">
                <span className="font-semibold tabular-nums">Revision {revision.revision}</span>
                <Badge tone={revision.cause === "restore" ? "warn" : "neutral"}>{CAUSES[revision.cause]}</Badge>
                {revision.revision === newest ? <Badge tone="accent">current</Badge> : null}
              </p>
              <p className="text-muted text-xs">
                {revision.createdBy} · {TIME_FORMAT.format(new Date(revision.updatedAt))} · {revision.nodeCount} nodes,{" "}
                {revision.edgeCount} edges
                {revision.restoredFrom !== null ? ` · from revision ${revision.restoredFrom}` : ""}
              </p>
            </Link>
          </li>
        );
      })}
    </ol>
  );
}
