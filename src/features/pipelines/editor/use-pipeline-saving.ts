"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import type { TPipelineDocument } from "~/domain/pipelines/document";
import type { TPipelineDetail } from "~/domain/pipelines/pipeline-dto";
import { toUserMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";

/** Autosave waits this long after the last edit, so a drag or a word being typed saves once. */
export const AUTOSAVE_DELAY_MS = 1_000;

export type TSaveStatus =
  | { kind: "saved"; at: Date; by: string }
  | { kind: "unsaved" }
  | { kind: "saving" }
  | { kind: "failed"; sentence: string; hint: string | null }
  /** Someone else saved since this editor's version: theirs is shown; ours stays until the user chooses. */
  | { kind: "conflict"; theirs: TPipelineDetail | null };

type TSaveCause = "save" | "autosave";

/**
 * Saving the document: autosave a second after the last edit, an explicit save, and the version the
 * next save is based on. A failure stays visible until a save works; a conflict (someone else
 * saved) stops autosave until the user reloads their version or saves over it.
 */
export function usePipelineSaving(detail: TPipelineDetail, document: TPipelineDocument) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ref = { clusterId: detail.clusterId, pipelineId: detail.id };
  const versionRef = useRef(detail.version);
  /** The document the server holds (what the last save sent, or what was loaded). */
  const [savedDocument, setSavedDocument] = useState<TPipelineDocument>(detail.document);
  const documentRef = useRef(document);
  const [status, setStatus] = useState<TSaveStatus>({ kind: "saved", at: detail.updatedAt, by: detail.updatedBy });
  const [saveCount, setSaveCount] = useState(0);
  /** The newest detail the server returned (its status and version). */
  const [latest, setLatest] = useState(detail);
  const save = useMutation(trpc.pipelines.save.mutationOptions());
  const inFlight = useRef(false);
  /** The document whose save just failed: autosave tries again only after another edit (no retry loop). */
  const failedRef = useRef<TPipelineDocument | null>(null);

  useEffect(() => {
    documentRef.current = document;
  }, [document]);

  /** Takes a newer version from another call (setStatus) so the next save is based on it. */
  const adopt = useCallback(
    (next: TPipelineDetail) => {
      versionRef.current = next.version;
      setLatest(next);
      queryClient.setQueryData(trpc.pipelines.get.queryKey(ref), next);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- ref is rebuilt from the same two ids
    [queryClient, trpc, detail.clusterId, detail.id],
  );

  const saveNow = useCallback(
    async (cause: TSaveCause, options: { force?: boolean } = {}): Promise<boolean> => {
      if (inFlight.current) return false;
      const sent = documentRef.current;
      inFlight.current = true;
      setStatus({ kind: "saving" });
      try {
        if (options.force) {
          // Saving over their version: base the save on the newest one the server has.
          const theirs = await queryClient.fetchQuery({ ...trpc.pipelines.get.queryOptions(ref), staleTime: 0 });
          versionRef.current = theirs.version;
        }
        const saved = await save.mutateAsync({ ...ref, baseVersion: versionRef.current, document: sent, cause });
        setSavedDocument(sent);
        adopt(saved);
        setStatus({ kind: "saved", at: saved.updatedAt, by: saved.updatedBy });
        return true;
      } catch (error) {
        if (isConflict(error)) {
          const theirs = await queryClient
            .fetchQuery({ ...trpc.pipelines.get.queryOptions(ref), staleTime: 0 })
            .catch(() => null);
          setStatus({ kind: "conflict", theirs });
        } else {
          failedRef.current = sent;
          const { message, hint } = toUserMessage(error);
          setStatus({ kind: "failed", sentence: message, hint });
        }
        return false;
      } finally {
        inFlight.current = false;
        setSaveCount((count) => count + 1);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- ref is rebuilt from the same two ids
    [adopt, queryClient, save.mutateAsync, trpc, detail.clusterId, detail.id],
  );

  const isDirty = document !== savedDocument;
  const isBlocked = status.kind === "conflict";
  useEffect(() => {
    if (!isDirty || isBlocked || inFlight.current || failedRef.current === document) return;
    // A failure stays on screen until a save works.
    setStatus((current) => (current.kind === "unsaved" || current.kind === "failed" ? current : { kind: "unsaved" }));
    const timer = setTimeout(() => void saveNow("autosave"), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [document, isDirty, isBlocked, saveCount, saveNow]);

  /** After "Reload their version": their document becomes the saved one. */
  const acceptTheirs = useCallback(
    (theirs: TPipelineDetail) => {
      setSavedDocument(theirs.document);
      documentRef.current = theirs.document;
      adopt(theirs);
      setStatus({ kind: "saved", at: theirs.updatedAt, by: theirs.updatedBy });
    },
    [adopt],
  );

  return { status, isDirty, saveNow, acceptTheirs, adopt, versionRef, latest };
}

function isConflict(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  return (error as { data?: { appCode?: unknown } | null }).data?.appCode === "CONFLICT";
}
