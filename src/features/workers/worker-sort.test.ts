import { describe, expect, it } from "vitest";
import type { TWorkerStatusDto } from "~/domain/workers";
import { sortWorkers } from "./worker-sort";

const row = (name: string, state: TWorkerStatusDto["state"], lastPassAt: number | null): TWorkerStatusDto => ({
  name,
  description: "",
  scope: "one-server",
  state,
  processKind: "web",
  holder: "host:1",
  passes: 0,
  lastPassAt: lastPassAt === null ? null : new Date(lastPassAt),
  lastError: null,
});

describe("sortWorkers", () => {
  const rows = [row("b", "running", 2), row("a", "stopped", null), row("c", "standby", 1)];

  it("puts stopped jobs first when sorting by state", () => {
    expect(sortWorkers(rows, { key: "state", descending: false }).map((worker) => worker.name)).toEqual([
      "a",
      "c",
      "b",
    ]);
  });

  it("sorts by the last pass, newest first when descending, jobs without one last", () => {
    expect(sortWorkers(rows, { key: "lastPassAt", descending: true }).map((worker) => worker.name)).toEqual([
      "b",
      "c",
      "a",
    ]);
  });
});
