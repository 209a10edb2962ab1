/** Undo/redo over documents: pure, so the editor keeps one value and tests need no browser. */
import type { TPipelineDocument } from "./document";

export type THistory = {
  past: TPipelineDocument[];
  present: TPipelineDocument;
  future: TPipelineDocument[];
  /** The merge key of the last record: the next record with the same key folds into it (a drag). */
  mergeKey?: string | null;
};

/** How many steps undo can go back; older ones are forgotten (a long session must not grow without end). */
export const HISTORY_LIMIT = 200;

export function startHistory(document: TPipelineDocument): THistory {
  return { past: [], present: document, future: [], mergeKey: null };
}

/** Records a new present (a drag's many moves are one step when `mergeKey` repeats). */
export function record(history: THistory, document: TPipelineDocument, mergeKey?: string): THistory {
  if (document === history.present) return history;
  const key = mergeKey ?? null;
  if (key !== null && key === history.mergeKey && history.past.length > 0) {
    return { past: history.past, present: document, future: [], mergeKey: key };
  }
  const past = [...history.past, history.present];
  return {
    past: past.length > HISTORY_LIMIT ? past.slice(-HISTORY_LIMIT) : past,
    present: document,
    future: [],
    mergeKey: key,
  };
}

export function undo(history: THistory): THistory {
  const previous = history.past.at(-1);
  if (previous === undefined) return history;
  return {
    past: history.past.slice(0, -1),
    present: previous,
    future: [history.present, ...history.future],
    mergeKey: null,
  };
}

export function redo(history: THistory): THistory {
  const [next, ...future] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future, mergeKey: null };
}

export const canUndo = (history: THistory): boolean => history.past.length > 0;
export const canRedo = (history: THistory): boolean => history.future.length > 0;
