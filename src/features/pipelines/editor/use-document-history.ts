"use client";

import { useCallback, useState } from "react";
import type { TPipelineDocument } from "~/domain/pipelines/document";
import { canRedo, canUndo, record, redo, startHistory, undo, type THistory } from "~/domain/pipelines/history";

/** A change to the document: a pure edit (edits.ts), applied to the newest document. */
export type TDocumentEdit = (document: TPipelineDocument) => TPipelineDocument;

/**
 * The editor's one piece of document state: the undo history (history.ts). Every change is a pure
 * edit applied to the present, so a burst of changes never works on a stale document; an edit that
 * returns the same document records nothing.
 */
export function useDocumentHistory(initial: TPipelineDocument) {
  const [history, setHistory] = useState<THistory>(() => startHistory(initial));
  const change = useCallback((edit: TDocumentEdit, mergeKey?: string) => {
    setHistory((current) => {
      const next = edit(current.present);
      return next === current.present ? current : record(current, next, mergeKey);
    });
  }, []);
  const undoLast = useCallback(() => setHistory((current) => undo(current)), []);
  const redoNext = useCallback(() => setHistory((current) => redo(current)), []);
  /** Starts over from another document (their version after a conflict); the history is dropped. */
  const reset = useCallback((document: TPipelineDocument) => setHistory(startHistory(document)), []);
  return {
    document: history.present,
    change,
    undo: undoLast,
    redo: redoNext,
    reset,
    canUndo: canUndo(history),
    canRedo: canRedo(history),
  };
}
