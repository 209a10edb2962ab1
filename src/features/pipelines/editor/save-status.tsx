"use client";

import { AlertTriangle, Check, Loader2 } from "lucide-react";
import { Banner } from "~/components/ui/banner";
import { Button } from "~/components/ui/button";
import type { TPipelineDetail } from "~/domain/pipelines/pipeline-dto";
import type { TSaveStatus } from "./use-pipeline-saving";

const timeOf = (at: Date) => new Date(at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

/** "Saved 10:42 by you", "Saving…", "Not saved yet", or the failure, always in view beside the title. */
export function SaveStatusLine({
  status,
  me,
  onRetry,
}: {
  status: TSaveStatus;
  me: string | null;
  onRetry: () => void;
}) {
  const who = (by: string) => (me !== null && by === me ? "you" : by);
  return (
    <p role="status" className="text-muted flex items-center gap-1.5 text-xs" data-testid="save-status">
      {status.kind === "saved" ? (
        <>
          <Check aria-hidden className="text-ok size-3.5" />
          {/* The time is written in the browser's time zone, which the server cannot know. */}
          <span suppressHydrationWarning>
            Saved {timeOf(status.at)} by {who(status.by)}
          </span>
        </>
      ) : status.kind === "saving" ? (
        <>
          <Loader2 aria-hidden className="size-3.5 animate-spin" />
          Saving…
        </>
      ) : status.kind === "unsaved" ? (
        "Changes not saved yet"
      ) : status.kind === "failed" ? (
        <>
          <AlertTriangle aria-hidden className="text-danger size-3.5" />
          <span className="text-danger">Not saved: {status.sentence}</span>
          <Button variant="ghost" className="h-6 px-2 text-xs" onClick={onRetry}>
            Retry
          </Button>
        </>
      ) : (
        <>
          <AlertTriangle aria-hidden className="text-warn size-3.5" />
          <span className="text-warn">Not saved: someone else saved a newer version</span>
        </>
      )}
    </p>
  );
}

/** A conflict, with the choice: take their version (and lose these edits) or save these over it. */
export function ConflictBanner({
  theirs,
  onReload,
  onOverwrite,
}: {
  theirs: TPipelineDetail | null;
  onReload: (theirs: TPipelineDetail) => void;
  onOverwrite: () => void;
}) {
  const who = theirs
    ? `${theirs.updatedBy} saved this pipeline at ${timeOf(theirs.updatedAt)}`
    : "Someone else saved this pipeline";
  return (
    <Banner
      tone="warn"
      title={`${who} while you were editing.`}
      actions={
        <div className="flex shrink-0 gap-2">
          {theirs ? <Button onClick={() => onReload(theirs)}>Reload their version</Button> : null}
          <Button variant="secondary" onClick={onOverwrite}>
            Save mine over it
          </Button>
        </div>
      }
    >
      Your edits stay here until you choose. Reloading shows their version and drops your unsaved edits; saving yours
      keeps theirs as a revision you can restore.
    </Banner>
  );
}
