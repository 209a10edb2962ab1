import "server-only";
import type { TPipelineDetail } from "~/domain/pipelines/pipeline-dto";
import { AppError } from "~/lib/app-error";
import { formatDuration } from "~/lib/format";
import type { TNewestRevision } from "~/server/db/pipelines";
import type { TAuditActor } from "../audit/audited";

/** Autosaves of one author within this long of their revision's start fold into it: the history shows edits, not keystrokes. */
export const AUTOSAVE_FOLD_MS = 10 * 60_000;

/**
 * Someone changed the pipeline after this editor opened it: say who and when, so that nobody's
 * work is silently overwritten. The time is UTC (the server does not know the reader's zone), with
 * the age beside it.
 */
export function conflictError(current: TPipelineDetail, by: TAuditActor, now = new Date()): AppError {
  const at = `${current.updatedAt.toISOString().slice(11, 16)} UTC, ${formatDuration(now.getTime() - current.updatedAt.getTime())} ago`;
  const who =
    current.updatedBy === by.actor.name
      ? `You changed this pipeline in another tab or window (at ${at})`
      : `${current.updatedBy} changed this pipeline at ${at}`;
  return new AppError(
    "CONFLICT",
    `${who}, after this editor opened it.`,
    "Reload to see their version; your changes are kept in this tab until you do.",
  );
}

/** An autosave folds into the newest revision when that one is the same author's autosave, started under 10 minutes ago. */
export function foldTarget(newest: TNewestRevision | null, by: TAuditActor, now: Date): number | null {
  if (!newest || newest.cause !== "autosave" || newest.createdBy !== by.actor.name) return null;
  return now.getTime() - newest.createdAt.getTime() < AUTOSAVE_FOLD_MS ? newest.revision : null;
}
