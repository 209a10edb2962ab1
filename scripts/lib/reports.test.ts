import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { playwrightTally, vitestTally } from "./reports";

async function reportFile(content: unknown): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), "tally-")), "report.json");
  await writeFile(file, JSON.stringify(content));
  return file;
}

describe("test tallies", () => {
  it("reads Vitest's counts", async () => {
    const file = await reportFile({ numPassedTests: 7, numFailedTests: 1, numPendingTests: 2, numTodoTests: 0 });
    expect(await vitestTally(file, 1)).toEqual({ passed: 7, failed: 1, skipped: 2 });
  });

  it("counts a run without a report as a failure", async () => {
    expect(await vitestTally("/nonexistent/report.json", 1)).toEqual({ passed: 0, failed: 1, skipped: 0 });
    expect(await playwrightTally("/nonexistent/report.json", 1)).toEqual({ passed: 0, failed: 1, skipped: 0 });
  });

  it("counts a non-zero exit with no failed test as a failure", async () => {
    const file = await reportFile({ numPassedTests: 3, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0 });
    expect((await vitestTally(file, 1)).failed).toBe(1);
  });

  it("reads Playwright's counts, flaky ones as passed", async () => {
    const file = await reportFile({ stats: { expected: 4, unexpected: 1, flaky: 1, skipped: 0 } });
    expect(await playwrightTally(file, 1)).toEqual({ passed: 5, failed: 1, skipped: 0 });
  });
});
