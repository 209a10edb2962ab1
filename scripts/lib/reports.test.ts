import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { playwrightFailures, playwrightTally, vitestFailures, vitestTally } from "./reports";

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

describe("named failures", () => {
  it("names each failed Vitest test by file and title, with its error's first line", async () => {
    const file = await reportFile({
      testResults: [
        {
          name: "/repo/test/a.int.test.ts",
          assertionResults: [
            { fullName: "a › passes", status: "passed" },
            { fullName: "a › loses a record", status: "failed", failureMessages: ["\u001b[31mAssertionError: expected 99 to be 100\u001b[39m\n    at x"] },
          ],
        },
        { name: "/repo/test/b.int.test.ts", message: "Error: beforeAll timed out", assertionResults: [] },
      ],
    });
    expect(await vitestFailures(file, "/repo")).toEqual([
      "test/a.int.test.ts › a › loses a record — AssertionError: expected 99 to be 100",
      "test/b.int.test.ts — Error: beforeAll timed out",
    ]);
  });

  it("names each unexpected Playwright spec, nested suites included", async () => {
    const file = await reportFile({
      suites: [
        {
          title: "x.spec.ts",
          specs: [{ title: "ok", file: "x.spec.ts", line: 3, tests: [{ status: "expected", results: [{}] }] }],
          suites: [
            {
              title: "group",
              specs: [
                {
                  title: "shows the lag",
                  file: "x.spec.ts",
                  line: 9,
                  tests: [{ status: "unexpected", results: [{ error: { message: "Timed out 5000ms\nmore" } }] }],
                },
              ],
            },
          ],
        },
      ],
    });
    expect(await playwrightFailures(file)).toEqual(["x.spec.ts:9 › shows the lag — Timed out 5000ms"]);
  });

  it("names nothing when the report is missing", async () => {
    expect(await vitestFailures("/nonexistent/report.json")).toEqual([]);
    expect(await playwrightFailures("/nonexistent/report.json")).toEqual([]);
  });
});
