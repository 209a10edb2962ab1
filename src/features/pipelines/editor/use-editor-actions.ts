"use client";

import { useReactFlow } from "@xyflow/react";
import { useCallback, useEffect, useRef } from "react";
import type { TPipelineDocument } from "~/domain/pipelines/document";
import { copySelection, paste, removeElements, type TClipboard } from "~/domain/pipelines/edits";
import { autoLayout } from "~/domain/pipelines/layout";
import { EMPTY_SELECTION, selectNodes, type TSelection } from "./selection";
import { isTypingTarget, shortcutFor, type TEditorAction } from "./shortcuts";
import type { TDocumentEdit } from "./use-document-history";

/** Copies live for the tab, so nodes can be copied from one pipeline and pasted into another. */
let clipboard: TClipboard | null = null;

/** Pasted copies land this far right and down of the originals (more with each paste). */
const PASTE_OFFSET = 40;

type TEditorActionsInput = {
  document: TPipelineDocument;
  selection: TSelection;
  setSelection: (update: (selection: TSelection) => TSelection) => void;
  change: (edit: TDocumentEdit, mergeKey?: string) => void;
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
  save: () => void;
  readOnly: boolean;
};

/** The editor's actions, run by the toolbar and by the keyboard (never while typing in a field). */
export function useEditorActions(input: TEditorActionsInput) {
  const { document, selection, setSelection, change, undo, redo, canUndo, canRedo, save, readOnly } = input;
  const { fitView } = useReactFlow();
  const pasteCount = useRef(0);

  const run = useCallback(
    (action: TEditorAction) => {
      switch (action) {
        case "delete":
          if (readOnly) return;
          change((current) => removeElements(current, { nodes: [...selection.nodes], edges: [...selection.edges] }));
          setSelection(() => EMPTY_SELECTION);
          return;
        case "copy":
          if (selection.nodes.size === 0) return;
          clipboard = copySelection(document, [...selection.nodes]);
          pasteCount.current = 0;
          return;
        case "paste": {
          if (readOnly || !clipboard || clipboard.nodes.length === 0) return;
          pasteCount.current += 1;
          const offset = PASTE_OFFSET * pasteCount.current;
          const pasted = paste(document, clipboard, { x: offset, y: offset });
          change(() => pasted.document);
          setSelection(() => selectNodes(pasted.nodeIds));
          return;
        }
        case "select-all":
          setSelection(() => ({
            nodes: new Set(document.nodes.map((node) => node.id)),
            edges: new Set(document.edges.map((edge) => edge.id)),
          }));
          return;
        case "undo":
          undo();
          return;
        case "redo":
          redo();
          return;
        case "fit-view":
          void fitView({ padding: 0.2, duration: 200 });
          return;
        case "auto-layout":
          if (readOnly) return;
          change((current) => autoLayout(current));
          // Once the new positions are drawn, show them all.
          requestAnimationFrame(() => void fitView({ padding: 0.2, duration: 200 }));
          return;
        case "save":
          save();
          return;
      }
    },
    [change, document, fitView, readOnly, redo, save, selection, setSelection, undo],
  );

  const isEnabled = useCallback(
    (action: TEditorAction): boolean => {
      switch (action) {
        case "delete":
          return !readOnly && selection.nodes.size + selection.edges.size > 0;
        case "copy":
          return selection.nodes.size > 0;
        case "paste":
          return !readOnly && clipboard !== null;
        case "undo":
          return !readOnly && canUndo;
        case "redo":
          return !readOnly && canRedo;
        case "auto-layout":
        case "save":
          return !readOnly;
        default:
          return true;
      }
    },
    [canRedo, canUndo, readOnly, selection],
  );

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      // A dialog over the editor (import, model upload) keeps its keys.
      if (event.target instanceof Element && event.target.closest("[role=dialog]")) return;
      const action = shortcutFor(event);
      // A disabled action leaves the key to the browser (Ctrl+C copies page text), except Save,
      // which must never save the web page instead.
      if (action === null || (action !== "save" && !isEnabled(action))) return;
      event.preventDefault();
      run(action);
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [isEnabled, run]);

  return { run, isEnabled };
}
