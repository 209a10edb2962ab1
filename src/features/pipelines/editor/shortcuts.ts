/** The editor's keyboard shortcuts, as a pure mapping so they are tested without a browser. */

export type TEditorAction =
  "delete" | "copy" | "paste" | "select-all" | "undo" | "redo" | "fit-view" | "auto-layout" | "save";

export type TKeyPress = { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean };

/** What each action's button title shows. */
export const SHORTCUT_LABELS: Record<TEditorAction, string> = {
  delete: "Delete",
  copy: "Ctrl+C",
  paste: "Ctrl+V",
  "select-all": "Ctrl+A",
  undo: "Ctrl+Z",
  redo: "Ctrl+Shift+Z",
  "fit-view": "F",
  "auto-layout": "L",
  save: "Ctrl+S",
};

export function shortcutFor(press: TKeyPress): TEditorAction | null {
  const key = press.key.toLowerCase();
  // Cmd on macOS, Ctrl elsewhere.
  const command = press.ctrlKey || press.metaKey;
  if (press.altKey) return null;
  if (command) {
    if (key === "z") return press.shiftKey ? "redo" : "undo";
    if (key === "y" && !press.shiftKey) return "redo";
    if (press.shiftKey) return null;
    if (key === "c") return "copy";
    if (key === "v") return "paste";
    if (key === "a") return "select-all";
    if (key === "s") return "save";
    return null;
  }
  if (key === "delete" || key === "backspace") return "delete";
  // Shift+1 is "!" on most layouts; the key is what the layout typed.
  if ((key === "f" && !press.shiftKey) || (press.shiftKey && (key === "!" || key === "1"))) return "fit-view";
  if (key === "l" && !press.shiftKey) return "auto-layout";
  return null;
}

/** Whether the key went to a field being typed in (shortcuts then stay out of the way). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (typeof HTMLElement === "undefined" || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag !== "INPUT") return false;
  const type = (target as HTMLInputElement).type;
  return !["checkbox", "radio", "button", "submit", "reset", "range", "color", "file"].includes(type);
}
