/** Undo/redo over documents: pure, so the editor keeps one value and tests need no browser. */
import type { TPipelineDocument } from "./document";

export type THistory = { past: TPipelineDocument[]; present: TPipelineDocument; future: TPipelineDocument[] };

// CONTRACT PLACEHOLDER: the document helper implements these.
export function startHistory(document: TPipelineDocument): THistory {
  return { past: [], present: document, future: [] };
}
/** Records a new present (a drag's many moves are one step when `mergeKey` repeats). */
export function record(history: THistory, document: TPipelineDocument, mergeKey?: string): THistory {
  void mergeKey;
  return { past: [...history.past, history.present], present: document, future: [] };
}
export function undo(history: THistory): THistory {
  return history;
}
export function redo(history: THistory): THistory {
  return history;
}
export const canUndo = (history: THistory): boolean => history.past.length > 0;
export const canRedo = (history: THistory): boolean => history.future.length > 0;
