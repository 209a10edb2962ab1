import { readFile, rm } from "node:fs/promises";
import path from "node:path";

export type Tally = { passed: number; failed: number; skipped: number };

export const EMPTY: Tally = { passed: 0, failed: 0, skipped: 0 };

export function add(a: Tally, b: Tally): Tally {
  return { passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped };
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as unknown;
  } catch {
    return null;
  }
}

export async function clearReport(file: string): Promise<void> {
  await rm(file, { force: true });
}

/**
 * Counts from Vitest's JSON reporter. A run that crashed before writing a report, or that exited
 * non-zero with no failed test (e.g. a failing global setup), counts as one failure: a broken
 * suite must never read as "0 failed".
 */
export async function vitestTally(file: string, exitCode: number): Promise<Tally> {
  const report = (await readJson(file)) as
    | { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }
    | null;
  if (!report) return { ...EMPTY, failed: 1 };
  const tally = {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
  return exitCode !== 0 && tally.failed === 0 ? { ...tally, failed: 1 } : tally;
}

type TVitestReport = {
  testResults?: Array<{
    name: string;
    message?: string;
    assertionResults?: Array<{ fullName: string; status: string; failureMessages?: string[] }>;
  }>;
};

/** The first line of an error message, short enough for one line of the summary. */
function firstLine(message: string | undefined): string {
  const plain = (message ?? "").replace(/\u001b\[[0-9;]*m/g, "");
  const line = plain.split("\n").find((text) => text.trim() !== "")?.trim() ?? "";
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/**
 * One line per failed test in Vitest's JSON report: "file › test — first line of the error".
 * CI shows only the tail of a run's output, so the summary must name what failed.
 */
export async function vitestFailures(file: string, root = process.cwd()): Promise<string[]> {
  const report = (await readJson(file)) as TVitestReport | null;
  const lines: string[] = [];
  for (const result of report?.testResults ?? []) {
    const where = path.relative(root, result.name);
    const failed = (result.assertionResults ?? []).filter((assertion) => assertion.status === "failed");
    for (const assertion of failed) {
      lines.push(`${where} › ${assertion.fullName} — ${firstLine(assertion.failureMessages?.[0])}`);
    }
    // A file that failed before any test ran (an import error, a failing beforeAll) has no failed assertion.
    if (failed.length === 0 && result.message) lines.push(`${where} — ${firstLine(result.message)}`);
  }
  return lines;
}

type TPlaywrightSuite = {
  file?: string;
  title?: string;
  suites?: TPlaywrightSuite[];
  specs?: Array<{
    title: string;
    file: string;
    line: number;
    tests: Array<{ status: string; results: Array<{ error?: { message?: string } }> }>;
  }>;
};

/** One line per spec Playwright counted as unexpected: "file:line › title — first line of the error". */
export async function playwrightFailures(file: string): Promise<string[]> {
  const report = (await readJson(file)) as { suites?: TPlaywrightSuite[] } | null;
  const lines: string[] = [];
  const visit = (suite: TPlaywrightSuite) => {
    for (const spec of suite.specs ?? []) {
      const test = spec.tests.find((candidate) => candidate.status === "unexpected");
      if (!test) continue;
      const error = test.results.map((result) => result.error?.message).find(Boolean);
      lines.push(`${spec.file}:${spec.line} › ${spec.title} — ${firstLine(error)}`);
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report?.suites ?? []) visit(suite);
  return lines;
}

/** Counts from Playwright's JSON reporter (`expected` passed, `unexpected` failed, `flaky` passed on retry). */
export async function playwrightTally(file: string, exitCode: number): Promise<Tally> {
  const report = (await readJson(file)) as { stats?: { expected: number; unexpected: number; flaky: number; skipped: number } } | null;
  if (!report?.stats) return { ...EMPTY, failed: 1 };
  const { expected, unexpected, flaky, skipped } = report.stats;
  const tally = { passed: expected + flaky, failed: unexpected, skipped };
  return exitCode !== 0 && tally.failed === 0 ? { ...tally, failed: 1 } : tally;
}
