"use client";

import {
  Clipboard,
  Copy,
  LayoutGrid,
  Maximize,
  Redo2,
  Save,
  SquareDashedMousePointer,
  Trash2,
  Undo2,
} from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "~/components/ui/button";
import { SHORTCUT_LABELS, type TEditorAction } from "./shortcuts";

const BUTTONS: { action: TEditorAction; label: string; icon: ReactNode }[] = [
  { action: "undo", label: "Undo", icon: <Undo2 aria-hidden className="size-4" /> },
  { action: "redo", label: "Redo", icon: <Redo2 aria-hidden className="size-4" /> },
  { action: "delete", label: "Delete selection", icon: <Trash2 aria-hidden className="size-4" /> },
  { action: "copy", label: "Copy", icon: <Copy aria-hidden className="size-4" /> },
  { action: "paste", label: "Paste", icon: <Clipboard aria-hidden className="size-4" /> },
  { action: "select-all", label: "Select all", icon: <SquareDashedMousePointer aria-hidden className="size-4" /> },
  { action: "fit-view", label: "Fit view", icon: <Maximize aria-hidden className="size-4" /> },
  { action: "auto-layout", label: "Auto-layout", icon: <LayoutGrid aria-hidden className="size-4" /> },
];

/** The shortcuts as buttons, each titled with its key; "Save" stands apart; the deployment at the far end. */
export function EditorToolbar({
  onAction,
  isEnabled,
  deployment,
}: {
  onAction: (action: TEditorAction) => void;
  isEnabled: (action: TEditorAction) => boolean;
  /** The deployment's status and its Deploy, Stop and Resume buttons (features/pipelines/deploy). */
  deployment?: ReactNode;
}) {
  return (
    <div role="toolbar" aria-label="Editor" className="flex flex-wrap items-center gap-1">
      {BUTTONS.map(({ action, label, icon }) => (
        <Button
          key={action}
          variant="ghost"
          className="h-8 px-2"
          aria-label={label}
          title={`${label} (${SHORTCUT_LABELS[action]})`}
          disabled={!isEnabled(action)}
          onClick={() => onAction(action)}
        >
          {icon}
        </Button>
      ))}
      <Button
        variant="secondary"
        className="ml-1 h-8"
        title={`Save (${SHORTCUT_LABELS.save})`}
        disabled={!isEnabled("save")}
        onClick={() => onAction("save")}
      >
        <Save aria-hidden className="size-4" />
        Save
      </Button>
      {deployment ? <div className="ml-auto">{deployment}</div> : null}
    </div>
  );
}
