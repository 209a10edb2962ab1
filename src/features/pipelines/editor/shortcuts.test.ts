import { describe, expect, it } from "vitest";
import { shortcutFor, type TKeyPress } from "./shortcuts";

const press = (key: string, modifiers: Partial<TKeyPress> = {}): TKeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...modifiers,
});

describe("editor shortcuts", () => {
  it.each([
    [press("Delete"), "delete"],
    [press("Backspace"), "delete"],
    [press("c", { ctrlKey: true }), "copy"],
    [press("v", { metaKey: true }), "paste"],
    [press("a", { ctrlKey: true }), "select-all"],
    [press("z", { ctrlKey: true }), "undo"],
    [press("Z", { metaKey: true, shiftKey: true }), "redo"],
    [press("y", { ctrlKey: true }), "redo"],
    [press("f"), "fit-view"],
    [press("!", { shiftKey: true }), "fit-view"],
    [press("l"), "auto-layout"],
    [press("s", { ctrlKey: true }), "save"],
  ] as const)("maps %o to %s", (key, action) => {
    expect(shortcutFor(key)).toBe(action);
  });

  it.each([
    press("a"),
    press("c"),
    press("x", { ctrlKey: true }),
    press("z", { altKey: true, ctrlKey: true }),
    press("F", { shiftKey: true }),
  ])("ignores %o", (key) => {
    expect(shortcutFor(key)).toBeNull();
  });
});
