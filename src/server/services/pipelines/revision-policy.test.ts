import { describe, expect, it } from "vitest";
import type { TPipelineDetail } from "~/domain/pipelines/pipeline-dto";
import type { TAuditActor } from "../audit/audited";
import { conflictError, foldTarget } from "./revision-policy";

const ana: TAuditActor = { actor: { id: "u-ana", name: "Ana Example", role: "operator" } };
const ben: TAuditActor = { actor: { id: "u-ben", name: "Ben Example", role: "operator" } };
const started = new Date("2026-12-03T10:00:00Z");
const minutesLater = (minutes: number) => new Date(started.getTime() + minutes * 60_000);

describe("foldTarget", () => {
  const newest = { revision: 4, cause: "autosave" as const, createdBy: "Ana Example", createdAt: started };

  it.each([
    ["folds into the same author's autosave started 9 minutes ago", newest, ana, 9, 4],
    ["starts a new revision after another author's autosave", newest, ben, 1, null],
    ["starts a new revision once the author's autosave is 10 minutes old", newest, ana, 10, null],
    ["never folds into a save (a save is a revision of its own)", { ...newest, cause: "save" as const }, ana, 1, null],
    ["never folds into a restore", { ...newest, cause: "restore" as const }, ana, 1, null],
    ["starts the first revision when there is none", null, ana, 1, null],
  ])("%s", (_what, revision, by, minutes, expected) => {
    expect(foldTarget(revision, by, minutesLater(minutes))).toBe(expected);
  });
});

describe("conflictError", () => {
  const current = { updatedBy: "Ana Example", updatedAt: minutesLater(42) } as TPipelineDetail;

  it("names who changed the pipeline, when (UTC) and how long ago, and what to do", () => {
    const error = conflictError(current, ben, minutesLater(45));
    expect(error).toMatchObject({
      code: "CONFLICT",
      message: "Ana Example changed this pipeline at 10:42 UTC, 3 min ago, after this editor opened it.",
      hint: "Reload to see their version; your changes are kept in this tab until you do.",
    });
  });

  it("tells an author whose other tab saved that it was them", () => {
    expect(conflictError(current, ana, minutesLater(43)).message).toBe(
      "You changed this pipeline in another tab or window (at 10:42 UTC, 1 min ago), after this editor opened it.",
    );
  });
});
