import { describe, expect, it } from "vitest";
import type { TPipelineDocument } from "./document";
import { canRedo, canUndo, HISTORY_LIMIT, record, redo, startHistory, undo } from "./history";
import { PIPELINE_TEMPLATES } from "./templates";

const base = PIPELINE_TEMPLATES.find((template) => template.id === "blank")!.document("History");
const named = (name: string): TPipelineDocument => ({ ...base, name });

describe("history", () => {
  it("undoes and redoes edits in order", () => {
    let history = startHistory(named("a"));
    history = record(history, named("b"));
    history = record(history, named("c"));
    expect(canRedo(history)).toBe(false);
    history = undo(history);
    expect(history.present.name).toBe("b");
    history = undo(history);
    expect(history.present.name).toBe("a");
    expect(canUndo(history)).toBe(false);
    expect(undo(history)).toBe(history);
    history = redo(history);
    expect(history.present.name).toBe("b");
    history = redo(history);
    expect(history.present.name).toBe("c");
    expect(redo(history)).toBe(history);
  });

  it("forgets what was undone when a new edit is recorded", () => {
    const history = record(undo(record(startHistory(named("a")), named("b"))), named("c"));
    expect(canRedo(history)).toBe(false);
    expect(undo(history).present.name).toBe("a");
  });

  it("folds a drag's moves (one merge key) into one step", () => {
    let history = record(startHistory(named("start")), named("edited"));
    for (const step of ["1", "2", "3"]) history = record(history, named(`drag ${step}`), "drag:clean-1");
    expect(history.present.name).toBe("drag 3");
    expect(undo(history).present.name).toBe("edited");
    const nextDrag = record(history, named("again"), "drag:clean-2");
    expect(undo(nextDrag).present.name).toBe("drag 3");
  });

  it("starts a new step for the same merge key after an undo", () => {
    let history = record(startHistory(named("a")), named("b"), "typing");
    history = undo(history);
    history = record(history, named("c"), "typing");
    history = record(history, named("d"), "typing");
    expect(undo(history).present.name).toBe("a");
  });

  it("records nothing when the document did not change", () => {
    const history = startHistory(named("a"));
    expect(record(history, history.present)).toBe(history);
  });

  it(`keeps at most ${HISTORY_LIMIT} steps to undo`, () => {
    let history = startHistory(named("0"));
    for (let index = 1; index <= HISTORY_LIMIT + 50; index++) history = record(history, named(String(index)));
    expect(history.past).toHaveLength(HISTORY_LIMIT);
    while (canUndo(history)) history = undo(history);
    expect(history.present.name).toBe("50");
  });
});
